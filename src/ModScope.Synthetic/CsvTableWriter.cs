using System.Text;
using ModScope.Model;

namespace ModScope.Synthetic;

/// <summary>RFC 4180 CSV: header row, fields quoted only when they contain a comma, quote or line break, '\n' line ends, UTF-8 without BOM.</summary>
internal sealed class CsvTableWriter : ITableWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public string Extension => "csv";

    public async Task WriteAsync(string path, TableBatch batch, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16);
        await using (writer.ConfigureAwait(false))
        {
            WriteRows(writer, batch, cancellationToken);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void WriteRows(StreamWriter writer, TableBatch batch, CancellationToken cancellationToken)
    {
        var columns = batch.Schema.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            if (c > 0)
            {
                writer.Write(',');
            }

            WriteText(writer, columns[c].Name);
        }

        writer.Write('\n');
        var line = new char[1024];
        for (var row = 0; row < batch.RowCount; row++)
        {
            if ((row & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var length = 0;
            for (var c = 0; c < columns.Count; c++)
            {
                if (line.Length - length < CellText.MaxNonTextLength)
                {
                    writer.Write(line, 0, length);
                    length = 0;
                }

                if (c > 0)
                {
                    line[length++] = ',';
                }

                if (columns[c].Kind != ColumnKind.Text)
                {
                    length += CellText.TryFormat(batch.Columns[c], row, line.AsSpan(length), out var written) ? written : 0;
                }
                else if (batch.Column<string?>(c)[row] is { } text)
                {
                    if (text.Length <= line.Length - length - 1 && text.AsSpan().IndexOfAny(",\"\r\n") < 0)
                    {
                        text.CopyTo(line.AsSpan(length));
                        length += text.Length;
                    }
                    else
                    {
                        writer.Write(line, 0, length);
                        length = 0;
                        WriteText(writer, text);
                    }
                }
            }

            line[length++] = '\n';
            writer.Write(line, 0, length);
        }
    }

    private static void WriteText(StreamWriter writer, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
