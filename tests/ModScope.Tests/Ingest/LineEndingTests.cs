using ModScope.Ingest;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Ingest;

/// <summary>
/// Ingest inserts good rows in one pass and looks for failing rows only when the file's line count says some
/// row is missing. These files have line ends and layouts that make the count differ from the rows, so a
/// bad row must still be found, with its line, and every good row must load.
/// </summary>
public sealed class LineEndingTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private async Task<IngestResult> Ingest(string path) =>
        await new Ingestor(_store.Store).IngestAsync([path], new IngestOptions());

    private string Write(string text)
    {
        var path = _store.File("decisions-endings.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task A_bad_row_is_found_whatever_ends_the_lines(string end)
    {
        var rows = new[] { Header, Valid(1), Valid(2), With(3, "verdict", "delete"), Valid(4) };
        var result = await Ingest(Write(string.Join(end, rows) + end));

        // Four data rows, the third (line 4) bad: three load.
        Assert.Equal(3, _store.Count("SELECT count(*) FROM decisions"));
        Assert.Equal(4, _store.Count("SELECT line FROM quarantine WHERE rule = 'unknown_value' AND field = 'verdict'"));
        Assert.Equal((4L, 3L, 1L), (result.Files.Single().RowsRead, result.Files.Single().RowsLoaded, result.Files.Single().RowsQuarantined));
    }

    [Fact]
    public async Task A_bad_row_after_a_quoted_line_break_is_found()
    {
        // The object id of D1 spans two lines, so the file has more lines than rows; a line break in an id is
        // itself a control character, so D1 is quarantined on its first line and D3 after it on its own.
        var spanning = Valid(1).Replace(",L1,", ",\"L1\nsecond line\",", StringComparison.Ordinal);
        var result = await Ingest(Write(string.Join("\n", Header, spanning, Valid(2), With(3, "handling_seconds", "-1")) + "\n"));

        Assert.Equal(1, _store.Count("SELECT count(*) FROM decisions"));
        Assert.Equal(2, _store.Count("SELECT line FROM quarantine WHERE rule = 'control_character' AND field = 'object_id'"));
        Assert.Equal(1, _store.Count("SELECT count(*) FROM quarantine WHERE rule = 'below_minimum' AND field = 'handling_seconds'"));
        Assert.Equal((3L, 1L, 2L), (result.Files.Single().RowsRead, result.Files.Single().RowsLoaded, result.Files.Single().RowsQuarantined));
    }

    [Fact]
    public async Task A_file_mixing_line_ends_is_read_line_by_line()
    {
        // DuckDB's reader stops on such a file ("state machine reached an invalid state"); it is read through a copy with \n only.
        var text = Header + "\n" + Valid(1) + "\r\n" + Valid(2) + "\n" + With(3, "verdict", "delete") + "\r" + Valid(4) + "\n";
        var result = await Ingest(Write(text));

        Assert.Equal(3, _store.Count("SELECT count(*) FROM decisions"));
        Assert.Equal(5, _store.Count("SELECT line FROM decisions WHERE decision_id = 'D4'"));
        Assert.Equal(4, _store.Count("SELECT line FROM quarantine WHERE rule = 'unknown_value'"));
        Assert.Equal((4L, 3L, 1L), (result.Files.Single().RowsRead, result.Files.Single().RowsLoaded, result.Files.Single().RowsQuarantined));
    }

    [Fact]
    public async Task A_file_whose_last_line_has_no_line_end_loads_every_row()
    {
        var result = await Ingest(Write(string.Join("\n", Header, Valid(1), Valid(2), Valid(3))));

        Assert.Equal(3, _store.Count("SELECT count(*) FROM decisions"));
        Assert.Equal(4, _store.Count("SELECT max(line) FROM decisions"));
        Assert.Equal(0, result.Files.Single().RowsQuarantined);
    }
}
