using System.Globalization;
using System.Text;

namespace ModScope.ClickHouse;

/// <summary>Writes values as ClickHouse TSV fields (tab, newline and backslash escaped; NULL as <c>\N</c>).</summary>
internal static class TsvWriter
{
    /// <summary>The rows a DuckDB query answers, as TSV lines.</summary>
    public static StringBuilder Rows(DuckDB.NET.Data.DuckDBConnection connection, string sql)
    {
        var tsv = new StringBuilder();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                tsv.Append(i > 0 ? "\t" : "");
                Field(tsv, reader.IsDBNull(i) ? null : reader.GetValue(i));
            }
            tsv.Append('\n');
        }
        return tsv;
    }

    public static void Field(StringBuilder line, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                line.Append("\\N");
                break;
            case string s:
                foreach (var c in s)
                {
                    line.Append(c switch { '\\' => "\\\\", '\t' => "\\t", '\n' => "\\n", '\r' => "\\r", '\0' => "\\0", _ => c.ToString() });
                }
                break;
            case DateTime t:
                line.Append(t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                break;
            case DateOnly d:
                line.Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case double d:
                line.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case bool b:
                line.Append(b ? '1' : '0');
                break;
            default:
                line.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
