using System.Globalization;
using System.Text.RegularExpressions;
using ModScope.Query;

namespace ModScope.Monitor.Quality;

/// <summary>
/// The checks' one door to the data, on either engine: statements are written once with <c>$name</c> parameters, which
/// become the engine's placeholders (ClickHouse binds them as escaped literals); tables are read through the dialect
/// (FINAL on ClickHouse, so a re-delivered row counts once) and conditional counts are the dialect's. The checks keep
/// their SQL to filters, counts, minima and maxima that both engines run alike; the judging is C#.
/// </summary>
internal sealed partial class QualitySql(IMetricEngine engine, CancellationToken cancellationToken)
{
    public ISqlDialect Dialect => engine.Dialect;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>The engine's reference data (the store's, or the ClickHouse cluster's), with its history.</summary>
    public Model.ReferenceData Reference => engine.Reference;

    /// <summary>A quoted identifier.</summary>
    public string Quote(string identifier) => Dialect.Quote(identifier);

    /// <summary>A table as written after FROM, under <paramref name="alias"/>, each key read once.</summary>
    public string Table(string table, string alias = "t") => Dialect.TableRelation(table, new RelationAlias(alias, RelationRole.Rows));

    /// <summary>The count of rows where <paramref name="condition"/> holds.</summary>
    public string CountIf(string condition) => Dialect.Aggregate(AggregateKind.Count, null, condition);

    /// <summary><c>column IN (...)</c> over whole numbers, written as literals (safe: they are numbers).</summary>
    public static string In(string column, IEnumerable<long> values) =>
        $"{column} IN ({string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)))})";

    /// <summary>Runs <paramref name="sql"/>, binding each <c>$name</c> to its value.</summary>
    public Task<IReadOnlyList<object?[]>> RowsAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var bound = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            var placeholder = "p" + bound.Count.ToString(CultureInfo.InvariantCulture);
            bound[name] = placeholder;
            values[placeholder] = value;
        }
        var text = Named().Replace(sql, m => bound.TryGetValue(m.Groups[1].Value, out var placeholder)
            ? Dialect.Parameter(placeholder)
            : throw new ArgumentException($"The quality statement uses ${m.Groups[1].Value} but binds no value for it.", nameof(parameters)));
        return engine.RunAsync("a data-quality check", text, values, cancellationToken);
    }

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Named();
}
