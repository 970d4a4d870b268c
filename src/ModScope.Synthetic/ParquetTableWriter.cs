using ModScope.Model;
using Parquet;
using Parquet.Schema;

namespace ModScope.Synthetic;

/// <summary>
/// Parquet with typed columns: strings, int64, double, UTC-adjusted millisecond timestamps (DuckDB reads
/// TIMESTAMP WITH TIME ZONE) and dates; one row group per file. Every column is nullable.
/// </summary>
internal sealed class ParquetTableWriter : ITableWriter
{
    public string Extension => "parquet";

    public async Task WriteAsync(string path, TableBatch batch, CancellationToken cancellationToken)
    {
        var fields = batch.Schema.Columns.Select(Field).ToArray();
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        await using (stream.ConfigureAwait(false))
        {
            var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                using var group = writer.CreateRowGroup();
                for (var c = 0; c < fields.Length; c++)
                {
                    await WriteColumnAsync(group, fields[c], batch.Columns[c].Kind, batch.Columns[c].ToArray(), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private static DataField Field(ColumnSpec column) => column.Kind switch
    {
        ColumnKind.Text => new DataField<string>(column.Name, nullable: true),
        ColumnKind.WholeNumber => new DataField<long?>(column.Name),
        ColumnKind.Number => new DataField<double?>(column.Name),
        ColumnKind.Timestamp => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: true),
        ColumnKind.Date => new DataField<DateOnly?>(column.Name),
        _ => throw new InvalidOperationException($"Column {column.Name} has kind {column.Kind}, which the Parquet writer does not know."),
    };

    private static Task WriteColumnAsync(ParquetRowGroupWriter group, DataField field, ColumnKind kind, Array values, CancellationToken cancellationToken) => kind switch
    {
        ColumnKind.Text => group.WriteAsync(field, (string?[])values),
        ColumnKind.WholeNumber => group.WriteAsync<long>(field, (long?[])values, cancellationToken: cancellationToken),
        ColumnKind.Number => group.WriteAsync<double>(field, (double?[])values, cancellationToken: cancellationToken),
        ColumnKind.Timestamp => group.WriteAsync<DateTime>(field, (DateTime?[])values, cancellationToken: cancellationToken),
        ColumnKind.Date => group.WriteAsync<DateOnly>(field, (DateOnly?[])values, cancellationToken: cancellationToken),
        _ => throw new InvalidOperationException($"Column {field.Name} has kind {kind}, which the Parquet writer does not know."),
    };
}
