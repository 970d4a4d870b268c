namespace ModScope.Synthetic;

/// <summary>Rows waiting for the day whose file they belong to. Only a few days ahead are ever held.</summary>
internal sealed class DayBuckets<T>
{
    private readonly Dictionary<int, List<T>> _byDay = [];

    public void Add(int day, T item)
    {
        if (!_byDay.TryGetValue(day, out var list))
        {
            list = [];
            _byDay[day] = list;
        }

        list.Add(item);
    }

    /// <summary>Removes and returns the day's rows (empty when none).</summary>
    public List<T> Take(int day) => _byDay.Remove(day, out var list) ? list : [];
}
