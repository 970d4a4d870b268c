using System.Buffers;
using System.Text.Json;
using ModScope.Model;

namespace ModScope.Synthetic;

/// <summary>JSON Lines: one object per row with the schema's column names as keys, null for empty cells, '\n' after each object.</summary>
internal sealed class JsonlTableWriter : ITableWriter
{
    public string Extension => "jsonl";

    public async Task WriteAsync(string path, TableBatch batch, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        await using (stream.ConfigureAwait(false))
        {
            var names = batch.Schema.Columns.Select(c => JsonEncodedText.Encode(c.Name)).ToArray();
            var buffer = new ArrayBufferWriter<byte>(1 << 16);
            using var json = new Utf8JsonWriter(buffer);
            for (var row = 0; row < batch.RowCount; row++)
            {
                json.Reset(buffer);
                WriteRow(json, batch, names, row);
                json.Flush();
                buffer.Write("\n"u8);
                if (buffer.WrittenCount > 1 << 15)
                {
                    await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                    buffer.ResetWrittenCount();
                }
            }

            await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void WriteRow(Utf8JsonWriter json, TableBatch batch, JsonEncodedText[] names, int row)
    {
        Span<char> text = stackalloc char[CellText.MaxNonTextLength];
        json.WriteStartObject();
        for (var c = 0; c < names.Length; c++)
        {
            var column = batch.Columns[c];
            switch (column.Kind)
            {
                case ColumnKind.Text when batch.Column<string?>(c)[row] is { } value:
                    json.WriteString(names[c], value);
                    break;
                case ColumnKind.WholeNumber when batch.Column<long?>(c)[row] is { } whole:
                    json.WriteNumber(names[c], whole);
                    break;
                case ColumnKind.Number when batch.Column<double?>(c)[row] is { } number:
                    json.WriteNumber(names[c], number);
                    break;
                case ColumnKind.Timestamp or ColumnKind.Date when CellText.TryFormat(column, row, text, out var written):
                    json.WriteString(names[c], text[..written]);
                    break;
                default:
                    json.WriteNull(names[c]);
                    break;
            }
        }

        json.WriteEndObject();
    }
}
