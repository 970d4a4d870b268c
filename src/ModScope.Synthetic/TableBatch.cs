using ModScope.Model;

namespace ModScope.Synthetic;

/// <summary>
/// One file's worth of rows, as columns in schema order. Columns read the row objects on demand (no copy);
/// a column's value type follows its kind: Text <c>string?</c>, WholeNumber <c>long?</c>, Number
/// <c>double?</c>, Timestamp <c>DateTime?</c> (UTC), Date <c>DateOnly?</c>.
/// </summary>
internal sealed record TableBatch(TableSchema Schema, int RowCount, IReadOnlyList<IBatchColumn> Columns)
{
    public IBatchColumn<TValue> Column<TValue>(int index) => (IBatchColumn<TValue>)Columns[index];
}
