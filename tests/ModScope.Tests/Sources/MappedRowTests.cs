using ModScope.Ingest;
using ModScope.Sources;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Sources;

/// <summary>Rows read through a mapping are checked like any row: a problem names the file, the line and our field.</summary>
public sealed class MappedRowTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private static readonly SourceMapping Mapping = SourceMappingParser.Parse("""
        decisions:
          columns: {decided_by: actor_type}
          values: {decided_by: {AUTO: automated, HUMAN: human}}
          extra: {model_score: number}
        """, "map.yaml");

    private static string TheirHeader => Header.Replace("decided_by", "actor_type", StringComparison.Ordinal) + ",model_score";

    [Fact]
    public async Task An_unmapped_value_and_a_bad_extra_value_are_quarantined_with_file_line_and_field()
    {
        var good = ValidAutomated(1).Replace(",automated,", ",AUTO,", StringComparison.Ordinal) + ",0.5";
        var unmapped = ValidAutomated(2).Replace(",automated,", ",BOT,", StringComparison.Ordinal) + ",0.5";
        var badScore = ValidAutomated(3).Replace(",automated,", ",AUTO,", StringComparison.Ordinal) + ",high";
        var file = WriteCsv(_store.File("decisions-theirs.csv"), TheirHeader, [good, unmapped, badScore]);

        var result = await new Ingestor(_store.Store).IngestAsync([file], new IngestOptions(Mapping: Mapping));

        Assert.Equal((1L, 2L), (result.Files[0].RowsLoaded, result.Files[0].RowsQuarantined));
        var rows = _store.Rows("SELECT line, field, rule, message FROM quarantine ORDER BY line");
        Assert.Equal([3L, "decided_by", "unknown_value"], rows[0][..3]);
        Assert.StartsWith("'BOT' is not a valid decided_by", (string)rows[0][3]!, StringComparison.Ordinal);
        Assert.Equal([4L, "model_score", "bad_number"], rows[1][..3]);
        Assert.Equal(0.5, _store.Rows("SELECT model_score FROM decisions WHERE decision_id = 'D1'")[0][0]);
    }

    [Fact]
    public async Task A_column_neither_ours_nor_declared_quarantines_the_file_naming_it()
    {
        var file = WriteCsv(_store.File("decisions-theirs.csv"), TheirHeader + ",seller_tier", [ValidAutomated(1).Replace(",automated,", ",AUTO,", StringComparison.Ordinal) + ",0.5,gold"]);

        var result = await new Ingestor(_store.Store).IngestAsync([file], new IngestOptions(Mapping: Mapping));

        Assert.Equal(1, result.Files[0].RowsQuarantined);
        var message = (string)_store.Rows("SELECT message FROM quarantine")[0][0]!;
        Assert.Contains("unknown column 'seller_tier' for table decisions", message, StringComparison.Ordinal);
        Assert.Contains("declared under 'extra'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extra_column_stored_with_another_type_stops_the_load_naming_both_types()
    {
        var file = WriteCsv(_store.File("decisions-theirs.csv"), TheirHeader, [ValidAutomated(1).Replace(",automated,", ",AUTO,", StringComparison.Ordinal) + ",0.5"]);
        await new Ingestor(_store.Store).IngestAsync([file], new IngestOptions(Mapping: Mapping));
        var retyped = SourceMappingParser.Parse("decisions:\n  columns: {decided_by: actor_type}\n  extra: {model_score: string}\n", "other.yaml");
        var second = WriteCsv(_store.File("decisions-more.csv"), TheirHeader, [ValidAutomated(2) + ",0.7"]);

        var ex = await Assert.ThrowsAsync<IngestException>(() => new Ingestor(_store.Store).IngestAsync([second], new IngestOptions(Mapping: retyped)));

        Assert.Contains("other.yaml: extra column decisions.model_score is declared as string (VARCHAR) but the store already holds it as DOUBLE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_lines_are_read_by_their_names_too()
    {
        var names = TheirHeader.Split(',');
        var values = (ValidAutomated(1).Replace(",automated,", ",AUTO,", StringComparison.Ordinal) + ",0.25").Split(',');
        var record = System.Text.Json.JsonSerializer.Serialize(names.Zip(values).ToDictionary(p => p.First, p => p.Second));
        var file = _store.File("decisions-theirs.jsonl");
        File.WriteAllText(file, record + "\n");

        var result = await new Ingestor(_store.Store).IngestAsync([file], new IngestOptions(Mapping: Mapping));

        Assert.Equal((1L, 0L), (result.Files[0].RowsLoaded, result.Files[0].RowsQuarantined));
        Assert.Equal(["automated", 0.25], _store.Rows("SELECT decided_by, model_score FROM decisions")[0]);
    }
}
