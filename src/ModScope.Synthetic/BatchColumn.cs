using ModScope.Model;

namespace ModScope.Synthetic;

/// <summary>A column that reads one value from each row object.</summary>
internal sealed class BatchColumn<TRow, TValue>(ColumnKind kind, IReadOnlyList<TRow> rows, Func<TRow, TValue> get) : IBatchColumn<TValue>
{
    public ColumnKind Kind { get; } = kind;

    public TValue this[int row] => get(rows[row]);

    public Array ToArray()
    {
        var values = new TValue[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = get(rows[i]);
        }

        return values;
    }
}
