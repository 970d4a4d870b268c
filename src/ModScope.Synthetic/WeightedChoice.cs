namespace ModScope.Synthetic;

/// <summary>Picks items with fixed relative weights; also exposes the normalised probabilities.</summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedChoice(IEnumerable<(T Item, double Weight)> entries)
    {
        var list = entries.Where(e => e.Weight > 0).ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A weighted choice needs at least one entry with a positive weight.", nameof(entries));
        }

        _items = list.Select(e => e.Item).ToArray();
        _cumulative = new double[list.Length];
        var total = list.Sum(e => e.Weight);
        var running = 0.0;
        for (var i = 0; i < list.Length; i++)
        {
            running += list[i].Weight / total;
            _cumulative[i] = running;
        }

        _cumulative[^1] = 1.0;
        Probabilities = list.Select(e => (e.Item, e.Weight / total)).ToArray();
    }

    /// <summary>Each item with its probability (summing to 1).</summary>
    public IReadOnlyList<(T Item, double Probability)> Probabilities { get; }

    public T Pick(Random rng)
    {
        var u = rng.NextDouble();
        var index = Array.BinarySearch(_cumulative, u);
        if (index < 0)
        {
            index = ~index;
        }

        return _items[Math.Min(index, _items.Length - 1)];
    }
}
