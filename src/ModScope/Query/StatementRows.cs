using System.Globalization;
using System.Text;

namespace ModScope.Query;

/// <summary>The rows of a plan's statements, indexed by group key (time bucket and dimension values).</summary>
internal sealed class StatementRows
{
    private readonly StringBuilder _key = new();

    public Dictionary<string, (DateTime? Bucket, string?[] Dimensions)> Keys { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Dictionary<string, double?>> Atoms { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Dictionary<string, List<StratumCounts>>> Strata { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Dictionary<string, List<(string A, string B, long Count)>>> Pairs { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Dictionary<string, (long Size, Dictionary<long, double> ValueAtRank)>> Ranks { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Dictionary<string, Stats.LogBucketSketch>> Sketches { get; } = new(StringComparer.Ordinal);

    public void Add(PlannedStatement statement, IReadOnlyList<object?[]> rows, bool hasBucket)
    {
        // Every row is read once; the per-statement lookups (which map each column fills) are done before the loop.
        var k = statement.KeyCount;
        Keys.EnsureCapacity(Keys.Count + rows.Count);
        switch (statement.Kind)
        {
            case StatementKind.Aggregates:
                var atoms = statement.Outputs.Select(o => Slot(Atoms, o)).ToArray();
                foreach (var atom in atoms)
                {
                    atom.EnsureCapacity(atom.Count + rows.Count);
                }
                foreach (var row in rows)
                {
                    var key = Key(row, k, hasBucket);
                    for (var i = 0; i < atoms.Length; i++)
                    {
                        atoms[i][key] = row[k + i] is { } value ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : null;
                    }
                }
                break;
            case StatementKind.Strata:
                // Stratum, population and sample size, then a (domain, successes) pair of columns per metric.
                var strata = statement.Outputs.Select(o => Slot(Strata, o)).ToArray();
                foreach (var row in rows)
                {
                    var key = Key(row, k, hasBucket);
                    var (name, population, sampleSize) = (Convert.ToString(row[k], CultureInfo.InvariantCulture) ?? "", Long(row[k + 1]), Long(row[k + 2]));
                    for (var i = 0; i < strata.Length; i++)
                    {
                        Slot(strata[i], key, () => []).Add(new StratumCounts(name, population, sampleSize, Long(row[k + 3 + 2 * i]), Long(row[k + 4 + 2 * i])));
                    }
                }
                break;
            case StatementKind.Ranks:
                // Quantiles of the same values share the ranks: each reads the ones it needs.
                var ranks = statement.Outputs.Select(o => Slot(Ranks, o)).ToArray();
                foreach (var row in rows)
                {
                    var key = Key(row, k, hasBucket);
                    var (size, rank, value) = (Long(row[k]), Long(row[k + 1]), Convert.ToDouble(row[k + 2], CultureInfo.InvariantCulture));
                    foreach (var atom in ranks)
                    {
                        Slot(atom, key, () => (Size: size, ValueAtRank: new Dictionary<long, double>())).ValueAtRank[rank] = value;
                    }
                }
                break;
            case StatementKind.Sketch:
                // Quantiles of the same values share the sketch: each group's buckets merged (summed) into one.
                var sketches = statement.Outputs.Select(o => Slot(Sketches, o)).ToArray();
                foreach (var row in rows)
                {
                    var key = Key(row, k, hasBucket);
                    var sketch = Slot(sketches[0], key, () => new Stats.LogBucketSketch());
                    sketch.Add((int)Long(row[k]), (int)Long(row[k + 1]), Long(row[k + 2]));
                    foreach (var other in sketches.Skip(1))
                    {
                        other[key] = sketch;
                    }
                }
                break;
            case StatementKind.Pairs:
                var pairs = Slot(Pairs, statement.Outputs[0]);
                foreach (var row in rows)
                {
                    Slot(pairs, Key(row, k, hasBucket), () => []).Add((
                        Convert.ToString(row[k], CultureInfo.InvariantCulture) ?? "", Convert.ToString(row[k + 1], CultureInfo.InvariantCulture) ?? "", Long(row[k + 2])));
                }
                break;
        }
    }

    /// <summary>The group key of a row: the bucket ("s" format, or empty) and each dimension value (NUL for null), unit-separated.</summary>
    private string Key(object?[] row, int keyCount, bool hasBucket)
    {
        var first = hasBucket ? 1 : 0;
        DateTime? bucket = hasBucket ? Convert.ToDateTime(row[0], CultureInfo.InvariantCulture) : null;
        _key.Clear();
        if (bucket is { } b)
        {
            _key.Append(CultureInfo.InvariantCulture, $"{b:s}");
        }
        for (var i = first; i < keyCount; i++)
        {
            _key.Append('\u001f').Append(row[i] is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : "\u0000");
        }
        if (keyCount == first)
        {
            _key.Append('\u001f');
        }
        var key = _key.ToString();
        if (!Keys.ContainsKey(key))
        {
            var dimensions = new string?[keyCount - first];
            for (var i = 0; i < dimensions.Length; i++)
            {
                dimensions[i] = row[first + i] is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
            }
            Keys[key] = (bucket, dimensions);
        }
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
