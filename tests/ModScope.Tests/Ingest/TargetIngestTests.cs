using ModScope.Ingest;
using ModScope.Model;
using ModScope.Store;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Ingest;

/// <summary>Targets per segment load from targets*.csv like the other reference data: checked, quarantined, with history.</summary>
public sealed class TargetIngestTests : IDisposable
{
    private const string Header = "metric,market,region,site,queue,policy,value,valid_from";

    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Targets_load_with_empty_segment_columns_matching_any_value()
    {
        var file = WriteCsv(_store.File("targets-2026.csv"), Header,
            ["qa_accuracy,ID,,,,,0.97,2026-01-01", "qa_accuracy,,SEA,,,,0.955,", "sla_attainment,,,,ID-live,,0.8,"]);

        var result = await new Ingestor(_store.Store).IngestAsync([file], new IngestOptions());

        Assert.Equal((3L, 0L), (result.Files.Single().RowsLoaded, result.Files.Single().RowsQuarantined));
        Assert.Equal(
        [
            new SegmentTarget("qa_accuracy", "", "SEA", "", "", "", 0.955, ReferenceSchema.Always),
            new SegmentTarget("qa_accuracy", "ID", "", "", "", "", 0.97, new DateOnly(2026, 1, 1)),
            new SegmentTarget("sla_attainment", "", "", "", "ID-live", "", 0.8, ReferenceSchema.Always),
        ], StoredReference.Load(_store.Store).Targets);
    }

    [Fact]
    public async Task Bad_target_rows_are_quarantined_with_file_line_field_and_rule()
    {
        var file = WriteCsv(_store.File("targets-bad.csv"), Header,
        [
            "qa_accuracy,XX,,,,,0.97,",          // unknown market
            "qa_accuracy,,MARS,,,,0.97,",        // no market is in region MARS (waits, as line 2 does)
            "QA Accuracy,,,,,,0.97,",            // not a metric id
            "qa_accuracy,,,,,,high,",            // not a number
            "qa_accuracy,,,NO-SITE,,,0.97,",     // unknown site
            "qa_accuracy,ID,,,,,0.97,",          // good
            "qa_accuracy,ID,,,,,0.98,",          // the same metric, segment and valid_from again in one file
        ]);

        var result = await new Ingestor(_store.Store).IngestAsync([file], new IngestOptions());

        var quarantined = _store.Rows("SELECT q.line, q.field, q.rule FROM quarantine q ORDER BY q.line").Select(r => $"{r[0]}:{r[1]}:{r[2]}").ToList();
        Assert.Equal(
        [
            "2:market:unknown_reference",
            "3:region:unknown_reference",
            "4:metric:bad_metric_id",
            "5:value:bad_number",
            "6:site:unknown_reference",
            "8:metric+market+region+site+queue+policy+valid_from:duplicate_id",
        ], quarantined);
        Assert.Equal(1L, result.Files.Single().RowsLoaded);
    }

    [Fact]
    public async Task With_the_catalogues_metric_ids_a_target_for_a_metric_it_does_not_define_is_quarantined_naming_the_line_and_field()
    {
        var file = WriteCsv(_store.File("targets-typo.csv"), Header, ["qa_accuracy,ID,,,,,0.97,", "qa_acuracy,ID,,,,,0.97,"]);

        var result = await new Ingestor(_store.Store).IngestAsync([file], new IngestOptions { MetricIds = ["qa_accuracy", "sla_attainment"] });

        var row = Assert.Single(_store.Rows("SELECT line, field, rule, message FROM quarantine"));
        Assert.Equal((3L, "metric", "unknown_value"), ((long)row[0]!, (string)row[1]!, (string)row[2]!));
        Assert.Contains("qa_acuracy", (string)row[3]!, StringComparison.Ordinal);
        Assert.Equal(1L, result.Files.Single().RowsLoaded);
    }

    [Fact]
    public async Task A_target_row_with_a_stored_rows_metric_segment_and_valid_from_corrects_it()
    {
        await new Ingestor(_store.Store).IngestAsync([WriteCsv(_store.File("targets-1.csv"), Header, ["qa_accuracy,ID,,,,,0.97,2026-01-01"])], new IngestOptions());

        var result = await new Ingestor(_store.Store).IngestAsync([WriteCsv(_store.File("targets-2.csv"), Header, ["qa_accuracy,ID,,,,,0.975,2026-01-01"])], new IngestOptions());

        Assert.Equal(1, result.Files.Single().RowsReplaced);
        Assert.Equal(0.975, Assert.Single(StoredReference.Load(_store.Store).Targets).Value);
    }
}
