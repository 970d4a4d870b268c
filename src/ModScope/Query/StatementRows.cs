using System.Globalization;

namespace ModScope.Query;

/// <summary>The rows of a plan's statements, indexed by group key (time bucket and dimension values).</summary>
internal sealed class StatementRows
{
    public Dictionary<string, (DateTime? Bucket, string?[] Dimensions)> Keys { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Dictionary<string, double?>> Atoms { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Dictionary<string, List<StratumCounts>>> Strata { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Dictionary<string, List<(string A, string B, long Count)>>> Pairs { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Dictionary<string, (long Size, Dictionary<long, double> ValueAtRank)>> Ranks { get; } = new(StringComparer.Ordinal);

    public void Add(PlannedStatement statement, IReadOnlyList<object?[]> rows, bool hasBucket)
    {
        foreach (var row in rows)
        {
            var key = Key(row, statement.KeyCount, hasBucket);
            var values = row.Skip(statement.KeyCount).ToArray();
            switch (statement.Kind)
            {
                case StatementKind.Aggregates:
                    for (var i = 0; i < statement.Outputs.Count; i++)
                    {
                        Slot(Atoms, statement.Outputs[i])[key] = values[i] is null ? null : Convert.ToDouble(values[i], CultureInfo.InvariantCulture);
                    }
                    break;
                case StatementKind.Strata:
                    Slot(Slot(Strata, statement.Outputs[0]), key, () => []).Add(new StratumCounts(
                        Convert.ToString(values[0], CultureInfo.InvariantCulture) ?? "", Long(values[1]), Long(values[2]), Long(values[3]), Long(values[4])));
                    break;
                case StatementKind.Ranks:
                    var ranked = Slot(Slot(Ranks, statement.Outputs[0]), key, () => (Size: Long(values[0]), ValueAtRank: new Dictionary<long, double>()));
                    ranked.ValueAtRank[Long(values[1])] = Convert.ToDouble(values[2], CultureInfo.InvariantCulture);
                    break;
                case StatementKind.Pairs:
                    Slot(Slot(Pairs, statement.Outputs[0]), key, () => []).Add((
                        Convert.ToString(values[0], CultureInfo.InvariantCulture) ?? "", Convert.ToString(values[1], CultureInfo.InvariantCulture) ?? "", Long(values[2])));
                    break;
            }
        }
    }

    private string Key(object?[] row, int keyCount, bool hasBucket)
    {
        DateTime? bucket = hasBucket ? Convert.ToDateTime(row[0], CultureInfo.InvariantCulture) : null;
        var dimensions = row.Skip(hasBucket ? 1 : 0).Take(keyCount - (hasBucket ? 1 : 0))
            .Select(v => v is null ? null : Convert.ToString(v, CultureInfo.InvariantCulture)).ToArray();
        var key = (bucket?.ToString("s", CultureInfo.InvariantCulture) ?? "") + "\u001f" + string.Join("\u001f", dimensions.Select(d => d ?? "\u0000"));
        Keys.TryAdd(key, (bucket, dimensions));
        return key;
    }

    private static long Long(object? value) => value is null ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static Dictionary<string, T> Slot<T>(Dictionary<string, Dictionary<string, T>> map, string name)
    {
        if (!map.TryGetValue(name, out var slot))
        {
            map[name] = slot = new Dictionary<string, T>(StringComparer.Ordinal);
        }
        return slot;
    }

    private static T Slot<T>(Dictionary<string, T> map, string key, Func<T> create)
    {
        if (!map.TryGetValue(key, out var slot))
        {
            map[key] = slot = create();
        }
        return slot;
    }
}

/// <summary>One QA stratum within one group: population N, sample size n, audits in the domain x, successes y.</summary>
internal sealed record StratumCounts(string Stratum, long Population, long SampleSize, long Domain, long Successes);
