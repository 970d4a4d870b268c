using System.Globalization;
using System.Text;

namespace ModScope.Query;

/// <summary>
/// A request's groups, read once, from which slicings of it are answered (<see cref="MetricQuery.SlicesAsync"/>): each
/// <see cref="MetricSlice"/> regroups the request's rows as the slice's own statement would group them. That is exact
/// for QA strata, the only statements merged: per stratum the largest population and sample size (each statement takes
/// the maximum over its group's audits, and the maximum of maxima is the maximum over their union) and the sums of the
/// audits in each domain and of successes; a group exists when any of its finer groups does, as a GROUP BY keeps a
/// group with a row. A slice the request's rows cannot answer (other statements, a comparison, a slice not
/// <see cref="MetricSlice.Within"/> the request) is run as its own request.
/// </summary>
public sealed class RequestSlices
{
    private readonly MetricQuery _query;
    private readonly MetricRequest _request;
    private readonly IReadOnlyList<PlannedStatement>? _statements;
    private readonly IReadOnlyList<object?[]>[]? _rows;

    internal RequestSlices(MetricQuery query, MetricRequest request, IReadOnlyList<PlannedStatement>? statements, IReadOnlyList<object?[]>[]? rows)
    {
        (_query, _request, _statements, _rows) = (query, request, statements, rows);
    }

    /// <summary>Whether slices are cut from the request's rows (false: each slice is run as its own request).</summary>
    public bool Merged => _statements is not null;

    /// <summary>The slice's results, as <see cref="MetricQuery.RunAsync"/> gives them for <see cref="MetricSlice.Of"/> the request.</summary>
    public async Task<IReadOnlyList<MetricResult>> RunAsync(MetricSlice slice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var sliced = slice.Of(_request);
        if (_statements is null || _rows is null || !slice.Within(_request))
        {
            return await _query.RunAsync(sliced, cancellationToken).ConfigureAwait(false);
        }
        var statements = new List<PlannedStatement>(_statements.Count);
        var rows = new IReadOnlyList<object?[]>[_statements.Count];
        for (var i = 0; i < _statements.Count; i++)
        {
            (var statement, rows[i]) = Strata(_statements[i], _rows[i], slice);
            statements.Add(statement);
        }
        return _query.Evaluate(sliced, statements, rows, align: false).Select(e => e.Result).ToList();
    }

    /// <summary>A strata statement's rows regrouped by the slice: its bucket (unless it spans days), its dimensions, the stratum.</summary>
    private (PlannedStatement Statement, List<object?[]> Rows) Strata(PlannedStatement statement, IReadOnlyList<object?[]> rows, MetricSlice slice)
    {
        var bucketed = _request.Grain != TimeGrain.None;
        var first = bucketed ? 1 : 0;
        var keep = new List<int>();
        if (bucketed && slice.Days is null)
        {
            keep.Add(0);
        }
        keep.AddRange(slice.Dimensions.Select(d => first + IndexOf(d)));
        var filters = slice.Filters.Select(f => (Column: first + IndexOf(f.Dimension), Value: f.Values[0])).ToList();
        var (start, end) = slice.Days is { } days ? (days.Start, days.End) : (DateTime.MinValue, DateTime.MaxValue);
        var k = statement.KeyCount;
        var metrics = (rows.Count > 0 ? rows[0].Length : k + 3) - k - 3;
        var groups = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        var order = new List<object?[]>();
        var key = new StringBuilder();
        foreach (var row in rows)
        {
            // An equal filter keeps a value equal to it; SQL's = never keeps a NULL.
            if (filters.Any(f => row[f.Column] is not { } v || Convert.ToString(v, CultureInfo.InvariantCulture) != f.Value))
            {
                continue;
            }
            if (slice.Days is not null && Convert.ToDateTime(row[0], CultureInfo.InvariantCulture) is var day && (day < start || day >= end))
            {
                continue;
            }
            key.Clear();
            foreach (var column in keep.Append(k))
            {
                key.Append(row[column] switch
                {
                    null => "\u0000",
                    DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
                    var v => Convert.ToString(v, CultureInfo.InvariantCulture),
                }).Append('\u001f');
            }
            var text = key.ToString();
            if (!groups.TryGetValue(text, out var merged))
            {
                merged = new object?[keep.Count + 3 + metrics];
                for (var i = 0; i < keep.Count; i++)
                {
                    merged[i] = row[keep[i]];
                }
                merged[keep.Count] = row[k];
                for (var i = 0; i < metrics; i++)
                {
                    merged[keep.Count + 3 + i] = 0L;
                }
                groups[text] = merged;
                order.Add(merged);
            }
            merged[keep.Count + 1] = Max(merged[keep.Count + 1], row[k + 1]);
            merged[keep.Count + 2] = Max(merged[keep.Count + 2], row[k + 2]);
            for (var i = 0; i < metrics; i++)
            {
                merged[keep.Count + 3 + i] = (long)merged[keep.Count + 3 + i]! + Long(row[k + 3 + i]);
            }
        }
        return (statement with { KeyCount = keep.Count }, order);
    }

    private int IndexOf(string dimension)
    {
        for (var i = 0; i < _request.Dimensions.Count; i++)
        {
            if (_request.Dimensions[i] == dimension)
            {
                return i;
            }
        }
        throw new ArgumentException($"'{dimension}' is not a dimension of the request.", nameof(dimension));
    }

    /// <summary>SQL's max: NULLs ignored, NULL when every value is.</summary>
    private static object? Max(object? a, object? b) => a is null ? (b is null ? null : (object)Long(b)) : b is null ? a : (object)Math.Max(Long(a), Long(b));

    private static long Long(object? value) => value is null ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
