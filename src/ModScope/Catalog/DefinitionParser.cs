using ModScope.Common;
using YamlDotNet.RepresentationModel;

namespace ModScope.Catalog;

/// <summary>Turns the YAML nodes of one dimension or metric into definitions, recording structural problems.</summary>
internal static class DefinitionParser
{
    private static readonly string[] MetricKeys =
        ["id", "version", "name", "description", "unit", "format", "direction", "target", "owner", "history", "monitored",
         "measure", "ratio", "proportion", "agreement"];

    private static readonly string[] KindKeys = ["measure", "ratio", "proportion", "agreement"];

    public static DimensionDefinition? Dimension(YamlReader r, YamlNode node)
    {
        var map = r.Mapping(node, "dimensions[]");
        if (map is null)
        {
            return null;
        }
        var id = r.Text(map, "id", "dimension") ?? "?";
        var field = $"dimensions.{id}";
        r.OnlyKeys(map, field, "id", "name", "column", "sources", "slice");
        var name = Bilingual(r, map, "name", field);
        var column = r.Text(map, "column", field);
        var sources = r.TextList(r.Child(map, "sources"), field + ".sources");
        var line = (int)(r.Child(map, "column") ?? map).Start.Line;
        var slice = Flag(r, map, "slice", field, fallback: false);
        return name is null || column is null ? null : new DimensionDefinition(id, name, column, sources, line) { Slice = slice };
    }

    public static MetricDefinition? Metric(YamlReader r, YamlNode node, string catalogOwner)
    {
        var map = r.Mapping(node, "metrics[]");
        if (map is null)
        {
            return null;
        }
        var id = r.Text(map, "id", "metric") ?? "?";
        var field = $"metrics.{id}";
        r.OnlyKeys(map, field, MetricKeys);
        var version = (int)(r.Number(map, "version", field) ?? 0);
        var name = Bilingual(r, map, "name", field);
        var description = Bilingual(r, map, "description", field);
        var unit = r.Text(map, "unit", field);
        var format = Word(r, map, "format", field, CatalogWords.Formats, "'{0}' is not a format");
        var direction = Direction(r, map, field);
        var kinds = KindKeys.Where(k => r.Child(map, k) is not null).ToList();
        if (kinds.Count != 1)
        {
            r.Problem(map, field, kinds.Count == 0
                ? "needs one of: measure, ratio, proportion, agreement"
                : $"has {string.Join(" and ", kinds)}; a metric is exactly one of measure, ratio, proportion, agreement");
        }
        if (kinds.Count != 1)
        {
            return null;
        }
        // A field with a problem (already recorded) gets a stand-in, so the rest of the catalogue is still
        // cross-checked against this metric: every problem is reported in one pass.
        var missing = new Bilingual("?", "?");
        var kind = kinds[0];
        var body = r.Child(map, kind)!;
        var metric = new MetricDefinition
        {
            Id = id,
            Version = version,
            Name = name ?? missing,
            Description = description ?? missing,
            Unit = unit ?? "?",
            Format = format ?? ValueFormat.WholeNumber,
            Direction = direction ?? MetricDirection.Neutral,
            Owner = r.Text(map, "owner", field, required: false) ?? catalogOwner,
            Target = r.Number(map, "target", field, required: false),
            Monitored = Flag(r, map, "monitored", field, fallback: true),
            Kind = Enum.Parse<MetricKind>(kind, ignoreCase: true),
            History = History(r, r.Child(map, "history"), field, version),
            Line = (int)map.Start.Line,
        };
        return kind switch
        {
            "measure" => Measure(r, body, $"{field}.measure") is { } measure ? metric with { Measure = measure } : null,
            "ratio" => Ratio(r, body, field, metric),
            "proportion" => Proportion(r, body, $"{field}.proportion") is { } p ? metric with { Proportion = p } : null,
            _ => Agreement(r, body, $"{field}.agreement") is { } a ? metric with { Agreement = a } : null,
        };
    }

    private static MetricDefinition? Ratio(YamlReader r, YamlNode body, string field, MetricDefinition metric)
    {
        var map = r.Mapping(body, field + ".ratio");
        if (map is null)
        {
            return null;
        }
        r.OnlyKeys(map, field + ".ratio", "numerator", "denominator");
        var numerator = Operand(r, r.Child(map, "numerator"), $"{field}.ratio.numerator", map);
        var denominator = Operand(r, r.Child(map, "denominator"), $"{field}.ratio.denominator", map);
        return numerator is null || denominator is null ? null : metric with { Numerator = numerator, Denominator = denominator };
    }

    private static Operand? Operand(YamlReader r, YamlNode? node, string field, YamlNode parent)
    {
        switch (node)
        {
            case null:
                r.Problem(parent, field, "is required");
                return null;
            case YamlScalarNode { Value: { Length: > 0 } id }:
                return new Operand(null, id);
            default:
                return Measure(r, node, field) is { } measure ? new Operand(measure, null) : null;
        }
    }

    public static MeasureDefinition? Measure(YamlReader r, YamlNode node, string field)
    {
        var map = r.Mapping(node, field);
        if (map is null)
        {
            return null;
        }
        r.OnlyKeys(map, field, "source", "time", "aggregate", "value", "where", "opened", "closed");
        var source = r.Text(map, "source", field);
        var aggregate = Word(r, map, "aggregate", field, CatalogWords.Aggregates, "unknown aggregate '{0}'");
        var value = r.Child(map, "value") is { } v ? Value(r, v, field + ".value") : null;
        var where = Conditions(r, r.Child(map, "where"), field + ".where");
        var isSnapshot = aggregate == AggregateFunction.OpenAtEnd;
        var time = r.Text(map, "time", field, required: !isSnapshot);
        if (source is null || aggregate is null)
        {
            return null;
        }
        return new MeasureDefinition(source, time, aggregate.Value, value, where,
            r.Text(map, "opened", field, required: isSnapshot), r.Text(map, "closed", field, required: isSnapshot), (int)map.Start.Line);
    }

    private static ProportionDefinition? Proportion(YamlReader r, YamlNode node, string field)
    {
        var map = r.Mapping(node, field);
        if (map is null)
        {
            return null;
        }
        r.OnlyKeys(map, field, "source", "time", "population", "success");
        var source = r.Text(map, "source", field);
        var time = r.Text(map, "time", field);
        if (r.Child(map, "success") is null)
        {
            r.Problem(map, field + ".success", "is required");
        }
        var population = Conditions(r, r.Child(map, "population"), field + ".population");
        var success = Conditions(r, r.Child(map, "success"), field + ".success");
        return source is null || time is null ? null : new ProportionDefinition(source, time, population, success);
    }

    private static AgreementDefinition? Agreement(YamlReader r, YamlNode node, string field)
    {
        var map = r.Mapping(node, field);
        if (map is null)
        {
            return null;
        }
        r.OnlyKeys(map, field, "source", "time", "rating");
        var source = r.Text(map, "source", field);
        var time = r.Text(map, "time", field);
        var rating = r.Text(map, "rating", field);
        return source is null || time is null || rating is null ? null : new AgreementDefinition(source, time, rating);
    }

    private static IReadOnlyList<Condition> Conditions(YamlReader r, YamlNode? node, string field)
    {
        if (node is null)
        {
            return [];
        }
        if (node is not YamlSequenceNode sequence)
        {
            r.Problem(node, field, "expected a list of conditions");
            return [];
        }
        return sequence.Children.Select(c => Condition(r, c, field)).OfType<Condition>().ToList();
    }

    private static Condition? Condition(YamlReader r, YamlNode node, string field)
    {
        var map = r.Mapping(node, field);
        if (map is null)
        {
            return null;
        }
        r.OnlyKeys(map, field, ["column", "value", .. CatalogWords.Operators.Keys]);
        ValueExpression? subject = r.Child(map, "column") is not null
            ? (r.Text(map, "column", field) is { } column ? ValueExpression.Column(column) : null)
            : r.Child(map, "value") is { } value ? Value(r, value, field + ".value") : null;
        if (subject is null)
        {
            r.Problem(map, field, "a condition names a column or a value");
            return null;
        }
        var operators = CatalogWords.Operators.Keys.Where(o => r.Child(map, o) is not null).ToList();
        if (operators.Count != 1)
        {
            r.Problem(map, field, $"a condition has exactly one of: {string.Join(", ", CatalogWords.Operators.Keys)}");
            return null;
        }
        var word = operators[0];
        var operand = r.Child(map, word)!;
        return CatalogWords.Operators[word] switch
        {
            ConditionOperator.AtMost => r.Text(map, word, field) is { } bound ? new Condition(subject, ConditionOperator.AtMost, [], bound) : null,
            ConditionOperator.NotNull or ConditionOperator.IsNull => new Condition(subject, CatalogWords.Operators[word], []),
            var op => new Condition(subject, op, r.TextList(operand, $"{field}.{word}")),
        };
    }

    private static ValueExpression? Value(YamlReader r, YamlNode node, string field)
    {
        var map = r.Mapping(node, field);
        if (map is null)
        {
            return null;
        }
        r.OnlyKeys(map, field, "column", "hours_between", "product");
        if (r.Child(map, "column") is not null)
        {
            return r.Text(map, "column", field) is { } c ? ValueExpression.Column(c) : null;
        }
        foreach (var (key, kind) in new[] { ("hours_between", ValueKind.HoursBetween), ("product", ValueKind.Product) })
        {
            if (r.Child(map, key) is { } args)
            {
                var columns = r.TextList(args, $"{field}.{key}");
                if (columns.Count == 2)
                {
                    return new ValueExpression(kind, columns);
                }
                r.Problem(args, $"{field}.{key}", "takes exactly two columns");
                return null;
            }
        }
        r.Problem(map, field, "a value is one of: column, hours_between, product");
        return null;
    }

    private static Bilingual? Bilingual(YamlReader r, YamlMappingNode map, string key, string field)
    {
        var node = r.Child(map, key);
        if (node is null)
        {
            r.Problem(map, $"{field}.{key}", "is required (with en and zh-Hans)");
            return null;
        }
        var texts = r.Mapping(node, $"{field}.{key}");
        if (texts is null)
        {
            return null;
        }
        r.OnlyKeys(texts, $"{field}.{key}", "en", "zh-Hans");
        var en = r.Text(texts, "en", $"{field}.{key}");
        var zh = r.Child(texts, "zh-Hans") is null ? null : r.Text(texts, "zh-Hans", $"{field}.{key}");
        if (zh is null && r.Child(texts, "zh-Hans") is null)
        {
            r.Problem(texts, $"{field}.{key}.zh-Hans", "missing translation: every name and description has an en and a zh-Hans text");
        }
        return en is null || zh is null ? null : new Bilingual(en, zh);
    }

    private static MetricDirection? Direction(YamlReader r, YamlMappingNode map, string field)
    {
        var text = r.Text(map, "direction", field);
        switch (text)
        {
            case null:
                return null;
            case "higher_is_better":
                return MetricDirection.HigherIsBetter;
            case "lower_is_better":
                return MetricDirection.LowerIsBetter;
            case "neutral":
                return MetricDirection.Neutral;
            default:
                r.Problem(r.Child(map, "direction"), field + ".direction",
                    $"'{text}' is not a direction{NearMatch.Suggest(text, ["higher_is_better", "lower_is_better", "neutral"])}; use higher_is_better, lower_is_better or neutral");
                return null;
        }
    }

    private static IReadOnlyList<MetricVersion> History(YamlReader r, YamlNode? node, string field, int version)
    {
        if (node is null)
        {
            return [new MetricVersion(version, "", "current definition")];
        }
        if (node is not YamlSequenceNode sequence)
        {
            r.Problem(node, field + ".history", "expected a list of {version, date, change}");
            return [];
        }
        return sequence.Children.Select(item => r.Mapping(item, field + ".history") is { } m
                ? new MetricVersion((int)(r.Number(m, "version", field + ".history") ?? 0), r.Text(m, "date", field + ".history") ?? "",
                    r.Text(m, "change", field + ".history") ?? "")
                : null)
            .OfType<MetricVersion>().ToList();
    }

    /// <summary>
    /// One of a catalogue enumeration's words, as its enum; an unknown word is a problem naming the near matches and the
    /// words allowed (<paramref name="unknown"/> is the message's start, <c>{0}</c> the word).
    /// </summary>
    private static T? Word<T>(YamlReader r, YamlMappingNode map, string key, string field, IReadOnlyDictionary<string, T> words, string unknown)
        where T : struct, Enum
    {
        var text = r.Text(map, key, field);
        if (text is null)
        {
            return null;
        }
        if (words.TryGetValue(text, out var value))
        {
            return value;
        }
        r.Problem(r.Child(map, key), $"{field}.{key}",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, unknown, text) + $"{NearMatch.Suggest(text, words.Keys)}; use one of {string.Join(", ", words.Keys)}");
        return null;
    }

    /// <summary><c>monitored: false</c> keeps a metric out of the monitor's scan (a helper measure such as a sum of squares); default true.</summary>
    /// <summary>A key that is true or false (absent: <paramref name="fallback"/>); anything else is a problem naming the field.</summary>
    private static bool Flag(YamlReader r, YamlMappingNode map, string key, string field, bool fallback)
    {
        var text = r.Text(map, key, field, required: false);
        if (text is null)
        {
            return fallback;
        }
        if (text is not ("true" or "false"))
        {
            r.Problem(r.Child(map, key), $"{field}.{key}", $"must be true or false, not '{text}'");
            return fallback;
        }
        return text == "true";
    }
}
