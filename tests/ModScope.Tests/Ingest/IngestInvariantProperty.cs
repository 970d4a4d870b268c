using System.Globalization;
using System.Text;
using CsCheck;
using DuckDB.NET.Data;

namespace ModScope.Tests.Ingest;

/// <summary>The corruptions the property test mixes into rows and files (see <see cref="IngestInvariantTests"/>).</summary>
public enum RowDamage { None, BadValue, FarFuture, ControlCharacter, MissingColumns, ExtraColumn, Latin1, Nested, MalformedJson }

public enum FileDamage { None, Empty, WideHeader, TruncatedGzip, NotGzip, TruncatedParquet }

public enum Shape { Csv, CsvGzip, Jsonl, Parquet }

/// <summary>One generated input file: its format, odd name, damage, whether it mixes line ends, and its rows (id, damage).</summary>
public sealed record GeneratedFile(Shape Shape, int Name, FileDamage Damage, bool MixedEnds, IReadOnlyList<(int Id, RowDamage Damage)> Rows)
{
    /// <summary>Fragments DuckDB would read as a pattern, quotes, spaces, non-ASCII.</summary>
    public static readonly string[] NameFragments = ["", "[12]", "*", "?", "{a,b}", "it's", "\"q\"", " sp ", "日本-ü", "[!x]"];

    public static Gen<GeneratedFile> Gen { get; } =
        CsCheck.Gen.Select(
            CsCheck.Gen.OneOf(Enum.GetValues<Shape>()),
            CsCheck.Gen.Int[0, NameFragments.Length - 1],
            CsCheck.Gen.Frequency((5, CsCheck.Gen.Const(FileDamage.None)), (1, CsCheck.Gen.OneOf(Enum.GetValues<FileDamage>()))),
            CsCheck.Gen.Frequency((4, CsCheck.Gen.Const(false)), (1, CsCheck.Gen.Const(true))),
            CsCheck.Gen.Select(CsCheck.Gen.Int[1, 30],
                CsCheck.Gen.Frequency((5, CsCheck.Gen.Const(RowDamage.None)), (2, CsCheck.Gen.OneOf(Enum.GetValues<RowDamage>()))))
                .List[0, 12],
            (shape, name, damage, mixed, rows) => new GeneratedFile(shape, name, damage, mixed, rows.Select(r => (r.Item1, r.Item2)).ToList()));

    public string Extension => Shape switch
    {
        Shape.Csv => ".csv",
        Shape.CsvGzip => ".csv.gz",
        Shape.Jsonl => ".jsonl",
        _ => ".parquet",
    };

    /// <summary>The damage that applies to this format (others are left out).</summary>
    public FileDamage Effective => (Damage, Shape) switch
    {
        (FileDamage.Empty, _) => FileDamage.Empty,
        (FileDamage.WideHeader, Shape.Csv or Shape.CsvGzip) => Damage,
        (FileDamage.TruncatedGzip or FileDamage.NotGzip, Shape.CsvGzip) => Damage,
        (FileDamage.TruncatedParquet, Shape.Parquet) => Damage,
        _ => FileDamage.None,
    };

    /// <summary>The rule a file that is not read at all is quarantined under, or null for a file that is read.</summary>
    public string? WholeFileRule => Effective switch
    {
        FileDamage.Empty => "empty_file",
        FileDamage.WideHeader => "header_too_large",
        FileDamage.TruncatedGzip or FileDamage.NotGzip or FileDamage.TruncatedParquet => "unreadable_file",
        // JSON Lines without a row is a file of no bytes.
        _ => Rows.Count == 0 && Shape == Shape.Jsonl ? "empty_file" : null,
    };

    /// <summary>The lines that hold rows: after the CSV header, from line 1 in JSON Lines and Parquet.</summary>
    public IEnumerable<long> DataLines => Enumerable.Range(Shape is Shape.Csv or Shape.CsvGzip ? 2 : 1, Rows.Count).Select(i => (long)i);

    /// <summary>Writes the file into <paramref name="folder"/> (the <paramref name="index"/>th of its load) and returns its path.</summary>
    public string Write(string folder, int index)
    {
        var path = Path.Combine(folder, $"decisions-{NameFragments[Name]}-{index.ToString(CultureInfo.InvariantCulture)}{Extension}");
        if (Effective == FileDamage.Empty)
        {
            File.WriteAllBytes(path, []);
            return path;
        }
        switch (Shape)
        {
            case Shape.Jsonl:
                File.WriteAllBytes(path, Encoding.UTF8.GetBytes(string.Concat(Rows.Select(r => JsonLine(r.Id, r.Damage) + "\n"))));
                break;
            case Shape.Parquet:
                var csv = Path.Combine(folder, $"source-{index}.txt");
                File.WriteAllBytes(csv, CsvBytes(parquet: true));
                using (var connection = new DuckDBConnection("Data Source=:memory:"))
                {
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = $"COPY (SELECT * FROM read_csv('{csv}', all_varchar = true, header = true, auto_detect = false, " +
                                          $"columns = {{{string.Join(", ", Columns.Select(c => $"'{c}': 'VARCHAR'"))}}})) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)";
                    command.ExecuteNonQuery();
                }
                File.Delete(csv);
                if (Effective == FileDamage.TruncatedParquet)
                {
                    var bytes = File.ReadAllBytes(path);
                    File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);
                }
                break;
            default:
                var text = CsvBytes(parquet: false);
                if (Shape == Shape.CsvGzip && Effective != FileDamage.NotGzip)
                {
                    using var buffer = new MemoryStream();
                    using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
                    {
                        gzip.Write(text);
                    }
                    text = buffer.ToArray();
                    if (Effective == FileDamage.TruncatedGzip)
                    {
                        text = text[..Math.Max(10, text.Length - 12)];
                    }
                }
                File.WriteAllBytes(path, text);
                break;
        }
        return path;
    }

    private static readonly string[] Columns = Support.DecisionRows.Header.Split(',');

    private byte[] CsvBytes(bool parquet)
    {
        var bytes = new List<byte>();
        var header = Effective == FileDamage.WideHeader
            ? string.Join(",", Enumerable.Range(0, 1_500).Select(i => $"c{i}"))
            : Support.DecisionRows.Header;
        bytes.AddRange(Encoding.UTF8.GetBytes(header + "\n"));
        for (var i = 0; i < Rows.Count; i++)
        {
            var (id, damage) = Rows[i];
            var line = Support.DecisionRows.Valid(id);
            switch (parquet && damage is RowDamage.MissingColumns or RowDamage.ExtraColumn or RowDamage.Latin1 ? RowDamage.None : damage)
            {
                case RowDamage.BadValue:
                    line = Support.DecisionRows.With(id, "verdict", "delete");
                    break;
                case RowDamage.FarFuture:
                    line = Support.DecisionRows.With(id, "decided_at", "9999-12-31T23:59:59Z");
                    break;
                case RowDamage.ControlCharacter:
                    line = Support.DecisionRows.With(id, "object_id", "L\u0001x");
                    break;
                case RowDamage.MissingColumns:
                    line = string.Join(',', line.Split(',')[..^3]);
                    break;
                case RowDamage.ExtraColumn:
                    line += ",extra";
                    break;
            }
            var end = MixedEnds && !parquet && i % 2 == 0 ? "\r\n" : "\n";
            if (damage == RowDamage.Latin1 && !parquet)
            {
                bytes.AddRange(Encoding.Latin1.GetBytes(Support.DecisionRows.With(id, "object_id", "Caf\u00e9") + end));
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(line + end));
            }
        }
        return [.. bytes];
    }

    private static string JsonLine(int id, RowDamage damage)
    {
        var objectId = damage switch
        {
            RowDamage.Nested => "{\"a\":[1]}",
            RowDamage.ControlCharacter => "\"L\\u0001x\"",
            _ => $"\"L{id}\"",
        };
        var verdict = damage == RowDamage.BadValue ? "delete" : "approve";
        var decided = damage == RowDamage.FarFuture ? "9999-12-31T23:59:59Z" : "2026-08-24T10:00:02Z";
        var line = $"{{\"decision_id\":\"D{id}\",\"object_type\":\"listing\",\"object_id\":{objectId},\"market\":\"US\",\"queue\":\"US-prelisting\"," +
                   $"\"policy_id\":\"counterfeit\",\"detection_source\":\"proactive_model\",\"decided_by\":\"automated\",\"verdict\":\"{verdict}\"," +
                   $"\"language\":\"en\",\"created_at\":\"2026-08-24T10:00:00Z\",\"decided_at\":\"{decided}\",\"handling_seconds\":0}}";
        return damage == RowDamage.MalformedJson ? line[..(line.Length / 2)] : line;
    }
}
