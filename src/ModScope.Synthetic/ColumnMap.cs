using ModScope.Model;

namespace ModScope.Synthetic;

/// <summary>
/// How to read each schema column from a row object. <see cref="Build"/> follows the schema's column
/// order, so files always match <see cref="EventSchema"/>, and fails naming any column it cannot fill.
/// </summary>
internal sealed class ColumnMap<T>
{
    private readonly Dictionary<string, (ColumnKind Kind, Func<IReadOnlyList<T>, IBatchColumn> Bind)> _columns = new(StringComparer.Ordinal);

    public ColumnMap<T> Text(string name, Func<T, string?> get) => Add(name, ColumnKind.Text, get);

    public ColumnMap<T> WholeNumber(string name, Func<T, long?> get) => Add(name, ColumnKind.WholeNumber, get);

    public ColumnMap<T> Number(string name, Func<T, double?> get) => Add(name, ColumnKind.Number, get);

    public ColumnMap<T> Timestamp(string name, Func<T, DateTime?> get) => Add(name, ColumnKind.Timestamp, get);

    public ColumnMap<T> Date(string name, Func<T, DateOnly?> get) => Add(name, ColumnKind.Date, get);

    public TableBatch Build(TableSchema schema, IReadOnlyList<T> rows)
    {
        var columns = new IBatchColumn[schema.Columns.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            var spec = schema.Columns[i];
            if (!_columns.TryGetValue(spec.Name, out var column))
            {
                throw new InvalidOperationException($"The generator has no value for column {schema.Name}.{spec.Name}; map it in {nameof(RowMaps)}.");
            }

            if (column.Kind != spec.Kind)
            {
                throw new InvalidOperationException($"Column {schema.Name}.{spec.Name} is {spec.Kind} in the schema but mapped as {column.Kind}.");
            }

            columns[i] = column.Bind(rows);
        }

        return new TableBatch(schema, rows.Count, columns);
    }

    private ColumnMap<T> Add<TValue>(string name, ColumnKind kind, Func<T, TValue> get)
    {
        _columns[name] = (kind, rows => new BatchColumn<T, TValue>(kind, rows, get));
        return this;
    }
}
