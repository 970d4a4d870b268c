using ModScope.Ingest;
using ModScope.Monitor.Quality;
using ModScope.Tests.Support;
using static ModScope.Tests.Monitor.Quality.QualityStore;

namespace ModScope.Tests.Monitor.Quality;

public sealed class DuplicateIdsCheckTests : IDisposable
{
    private static readonly DateOnly Thursday = new(2026, 8, 20);

    private readonly QualityStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_file_that_replaced_a_whole_day_of_a_site_is_a_redelivery_and_a_small_correction_is_not()
    {
        await _store.LoadAsync();
        var redelivery = await _store.LoadFileAsync("decisions-redelivery.csv", DecisionRows.Header,
            Enumerable.Range(0, 40).Select(i => Decision(Kul, Thursday, i, version: 2)), new DateTime(2026, 8, 21, 5, 0, 0));
        var correction = await _store.LoadFileAsync("decisions-correction.csv", DecisionRows.Header,
            Enumerable.Range(0, 5).Select(i => Decision(Aus, Thursday, i, version: 2)), new DateTime(2026, 8, 21, 6, 0, 0));
        Assert.Equal((40, 5), (redelivery.RowsReplaced, correction.RowsReplaced));

        var finding = Assert.Single(await _store.RunAsync());

        // 40 of 40 rows replaced (100%) > 20%; the correction's 5 are fewer than the 10-row minimum.
        Assert.Equal((QualityCheckKind.DuplicateIds, QualitySeverity.Warning, "decisions", "file = decisions-redelivery.csv", (DateOnly?)new DateOnly(2026, 8, 21)),
            (finding.Check, finding.Severity, finding.Source, finding.Segment, finding.Day));
        Assert.Equal(1.0, finding.Observed);
        Assert.Equal(0.2, finding.Threshold);
        Assert.Contains("replaced 40 of its 40 rows", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_keys_in_an_event_table_are_critical()
    {
        await _store.LoadAsync();
        _store.Execute("INSERT INTO decisions SELECT * FROM decisions WHERE decision_id = 'AUTO-20260801-0'");
        _store.Execute("INSERT INTO decisions SELECT * FROM decisions WHERE decision_id IN ('AUTO-20260801-0', 'AUTO-20260801-1')");

        var finding = Assert.Single(await _store.RunAsync());

        // AUTO-20260801-0: 1 row, 2 after the first copy, 4 after the second (3 extra); AUTO-20260801-1: 2 rows (1 extra).
        Assert.Equal((QualityCheckKind.DuplicateIds, QualitySeverity.Critical, "key = decision_id", 2.0),
            (finding.Check, finding.Severity, finding.Segment, finding.Observed));
        Assert.Contains("(4 extra rows, e.g. 'AUTO-20260801-0')", finding.Message, StringComparison.Ordinal);

        // That full count kept a row of each duplicated key: after a load of a key stored nowhere else, the next run
        // counts only that key and the two kept ones, and still finds both.
        PlantLoad("SELECT * REPLACE ('NEW-1' AS decision_id) FROM decisions WHERE decision_id = 'AUTO-20260802-0'");
        await AssertAsPlainGroupByAsync(2);
    }

    [Fact]
    public async Task Duplicates_counted_incrementally_are_those_of_a_plain_group_by_across_loads_within_a_load_and_after_a_redelivery_and_a_rollback()
    {
        await _store.LoadAsync();
        await AssertAsPlainGroupByAsync(0);   // no state yet: every key counted, and the state kept

        // A load that let a stored key through again: one key, two rows, in two loads.
        PlantLoad("SELECT * FROM decisions WHERE decision_id = 'AUTO-20260801-0'");
        await AssertAsPlainGroupByAsync(1);

        // A load that brought one new key twice (and nothing else stored changed).
        PlantLoad("SELECT * REPLACE ('NEW-1' AS decision_id) FROM decisions WHERE decision_id IN ('AUTO-20260802-0', 'AUTO-20260802-1')");
        await AssertAsPlainGroupByAsync(2);
        await AssertAsPlainGroupByAsync(2);   // nothing loaded since: the same groups

        // A re-delivery (version 2) of a key stored once replaces its row: nothing duplicated changes.
        await _store.LoadFileAsync("decisions-redelivery-1.csv", DecisionRows.Header,
            [Decision(Automated, new DateOnly(2026, 8, 3), 0, version: 2)], new DateTime(2026, 8, 21, 5, 0, 0));
        Assert.Equal(1L, _store.Row("SELECT count(*) FROM decisions WHERE decision_id = 'AUTO-20260803-0' AND version = 2")[0]);
        await AssertAsPlainGroupByAsync(2);

        // A re-delivery of the key stored twice through ingest: whatever ingest makes of a key already stored twice (today
        // it takes the new row for a duplicate of itself and replaces nothing), the groups are those of a full count.
        await _store.LoadFileAsync("decisions-redelivery-2.csv", DecisionRows.Header,
            [Decision(Automated, new DateOnly(2026, 8, 1), 0, version: 2)], new DateTime(2026, 8, 21, 6, 0, 0));
        await AssertAsPlainGroupByAsync(null);

        // A re-delivery as Replacements does it: the new version in a new load, every older row of its key deleted. The
        // duplicate kept from before is gone; NEW-1's stays.
        PlantLoad("SELECT * REPLACE (3 AS version) FROM decisions WHERE decision_id = 'AUTO-20260801-0' LIMIT 1");
        _store.Execute("DELETE FROM decisions WHERE decision_id = 'AUTO-20260801-0' AND version < 3");
        await AssertAsPlainGroupByAsync(1);

        // A strict load that fails is rolled back: it changes neither the rows nor the groups.
        var bad = DecisionRows.WriteCsv(_store.Temp.File("decisions-bad.csv"), DecisionRows.Header,
            [Decision(Automated, new DateOnly(2026, 8, 3), 0, version: 3), Decision(Automated, new DateOnly(2026, 8, 4), 0, id: "NEW-2"), "not,a,decision"]);
        await Assert.ThrowsAsync<IngestException>(() => new Ingestor(_store.Temp.Store).IngestAsync([bad], new IngestOptions(Strict: true)));
        await AssertAsPlainGroupByAsync(1);
    }

    [Fact]
    public async Task Once_the_state_is_kept_only_the_keys_of_later_loads_are_counted()
    {
        await _store.LoadAsync();
        Assert.Empty(await CriticalAsync());
        var load = Assert.IsType<long>(_store.Row("SELECT max(load_id) FROM loads")[0]);
        Assert.Equal(load, Assert.IsType<long>(_store.Row("SELECT load_id FROM duplicate_checks WHERE table_name = 'decisions'")[0]));

        // A row written outside any load is not among the keys loaded since: the kept result holds (rows enter only by loads).
        _store.Execute("INSERT INTO decisions SELECT * FROM decisions WHERE decision_id = 'AUTO-20260801-0'");
        Assert.Empty(await CriticalAsync());

        // A load of the same key brings it into the count, with the row written before it.
        PlantLoad("SELECT * FROM decisions WHERE decision_id = 'AUTO-20260801-0' LIMIT 1");
        var finding = Assert.Single(await CriticalAsync());
        Assert.Contains("(2 extra rows, e.g. 'AUTO-20260801-0')", finding.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// What a load that let duplicates through would leave: a new load and file, and the rows of <paramref name="select"/>
    /// (decisions) stored under that file.
    /// </summary>
    private void PlantLoad(string select)
    {
        _store.Execute("INSERT INTO loads SELECT coalesce(max(load_id), 0) + 1, now(), now(), 1, 0, 0, 0, 0, NULL FROM loads");
        _store.Execute("""
            INSERT INTO files SELECT max(file_id) + 1, (SELECT max(load_id) FROM loads), 'planted.csv', 'planted-' || (max(file_id) + 1) || '.csv',
                'decisions', 'csv', 'planted-' || (max(file_id) + 1), 0, 0, 0, 0, 0, 0, TIMESTAMP '2026-08-21 04:00:00'
            FROM files
            """);
        _store.Execute($"INSERT INTO decisions SELECT * REPLACE ((SELECT max(file_id) FROM files) AS file_id) FROM ({select})");
    }

    private async Task<List<QualityFinding>> CriticalAsync() =>
        (await _store.RunAsync()).Where(f => f.Check == QualityCheckKind.DuplicateIds && f.Severity == QualitySeverity.Critical).ToList();

    /// <summary>
    /// The run's critical duplicate finding says what a plain GROUP BY over every decision finds (which, when given, has
    /// <paramref name="expectedGroups"/> groups); returns that count.
    /// </summary>
    private async Task<long> AssertAsPlainGroupByAsync(long? expectedGroups)
    {
        var plain = _store.Row("""
            SELECT count(*), CAST(coalesce(sum(n - 1), 0) AS BIGINT), min(decision_id)
            FROM (SELECT decision_id, count(*) AS n FROM decisions GROUP BY decision_id HAVING count(*) > 1)
            """);
        var (groups, extra, example) = ((long)plain[0]!, (long)plain[1]!, plain[2] as string);
        if (expectedGroups is { } expected)
        {
            Assert.Equal(expected, groups);
        }
        var found = await CriticalAsync();
        if (groups == 0)
        {
            Assert.Empty(found);
            return groups;
        }
        var finding = Assert.Single(found);
        Assert.Equal((double)groups, finding.Observed);
        Assert.Contains($"({extra} extra {(extra == 1 ? "row" : "rows")}, e.g. '{example}')", finding.Message, StringComparison.Ordinal);
        return groups;
    }
}
