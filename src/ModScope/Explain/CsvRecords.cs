using System.Text;

namespace ModScope.Explain;

/// <summary>
/// RFC 4180 records from text: fields separated by commas, optionally in double quotes, where a quoted field may hold
/// commas, line breaks and doubled quotes (""). Each record carries the 1-based line it starts on; blank lines are skipped.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<(int Line, List<string> Fields)> Read(TextReader reader, string source)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, start, quoted, wasQuoted) = (1, 1, false, false);
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (quoted)
            {
                if (c == '"' && reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    (quoted, wasQuoted) = (true, true);
                    break;
                case ',':
                    fields.Add(field.ToString());
                    (_, wasQuoted) = (field.Clear(), false);
                    break;
                case '\r' or '\n':
                    if (c == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }
                    if (fields.Count > 0 || field.Length > 0 || wasQuoted)
                    {
                        fields.Add(field.ToString());
                        yield return (start, fields);
                        fields = [];
                    }
                    (_, wasQuoted) = (field.Clear(), false);
                    start = ++line;
                    break;
                default:
                    field.Append((char)c);
                    break;
            }
        }
        if (quoted)
        {
            throw new InvalidDataException($"{source} line {start}: a quoted field is not closed before the end of the file");
        }
        if (fields.Count > 0 || field.Length > 0 || wasQuoted)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
