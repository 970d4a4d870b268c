using System.Text;

namespace ModScope.Tests.Synthetic;

/// <summary>
/// A minimal RFC 4180 reader written for the tests (independent of the generator's writer): header row,
/// quoted fields with doubled quotes, '\n' or "\r\n" line ends.
/// </summary>
public sealed class CsvFile
{
    private readonly Dictionary<string, int> _index;

    private CsvFile(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
        _index = header.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
    }

    public string[] Header { get; }

    public List<string[]> Rows { get; }

    public int Column(string name) => _index.TryGetValue(name, out var i) ? i : throw new KeyNotFoundException($"No column '{name}' in [{string.Join(",", Header)}].");

    public static CsvFile Read(string path)
    {
        var records = Parse(File.ReadAllText(path, Encoding.UTF8));
        return new CsvFile(records[0], records.Skip(1).ToList());
    }

    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add(fields.ToArray());
                fields.Clear();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(fields.ToArray());
        }

        return records;
    }
}
