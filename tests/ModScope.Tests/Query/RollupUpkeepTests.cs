using System.Globalization;
using System.Text.RegularExpressions;
using ModScope.Catalog;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Query.Rollups;
using ModScope.Store;
using ModScope.Synthetic;

namespace ModScope.Tests.Query;

/// <summary>
/// Each rollup table the upkeep keeps (new days appended, touched days recounted) equals the table built afresh from every
/// raw row, and its decision counts equal a hand-written GROUP BY over the raw decisions, after each step of a store's
/// life: a first load, a load of a new day, a late file for a day already loaded, a re-delivery that moves decisions to
/// the next day, and a load that fails and is rolled back.
/// </summary>
public sealed partial class RollupUpkeepTests : IDisposable
{
    private static readonly DateTime First = GeneratorOptions.DefaultStart.ToDateTime(TimeOnly.MinValue);

    private readonly string _folder = Directory.CreateTempSubdirectory("modscope-upkeep-").FullName;
    private readonly ModScopeStore _store;
    private readonly MetricCatalog _catalog = CatalogLoader.LoadDefault();

    public RollupUpkeepTests() => _store = ModScopeStore.Open(Path.Combine(_folder, "store.duckdb"));

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Appended_and_recounted_days_equal_a_rebuild_and_a_plain_group_by_after_each_kind_of_load()
    {
        var data = Path.Combine(_folder, "data");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(data, Days: 5, DecisionsPerDay: 120, Seed: 8));
        var files = Directory.GetFiles(data).Where(f => Tables().IsMatch(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList();
        string Day(int n) => First.AddDays(n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        bool Before(string f, int day) => DateIn().Match(Path.GetFileName(f)) is { Success: true } m && string.CompareOrdinal(m.Value, Day(day)) < 0;
        bool On(string f, int day) => Path.GetFileName(f).Contains(Day(day), StringComparison.Ordinal);
        string Decisions(int day) => files.Single(f => Path.GetFileName(f).StartsWith("decisions-" + Day(day), StringComparison.Ordinal));

        // Day 1's decisions in two files: the second comes late, after day 3 is loaded.
        var split = File.ReadAllLines(Decisions(1));
        var early = Path.Combine(_folder, "decisions-early.csv");
        var late = Path.Combine(_folder, "decisions-late.csv");
        File.WriteAllLines(early, split[..(split.Length / 2)]);
        File.WriteAllLines(late, [split[0], .. split[(split.Length / 2)..]]);
        var maintainer = new RollupMaintainer(_catalog);
        var ingestor = new Ingestor(_store) { Maintenance = maintainer };

        await ingestor.IngestAsync([.. files.Where(f => Before(f, 3) && f != Decisions(1)), early], new IngestOptions());
        Assert.All(maintainer.Actions, a => Assert.Equal(RollupUpkeep.Rebuilt, a.Upkeep));
        AssertMatchesRaw("after a first load");

        await ingestor.IngestAsync(files.Where(f => On(f, 3)).ToList(), new IngestOptions());
        Assert.DoesNotContain(maintainer.Actions, a => a.Upkeep == RollupUpkeep.Rebuilt);
        foreach (var rollup in _catalog.Rollups)
        {
            Assert.Contains((rollup.Name, DecisionCounts(rollup).Name, RollupUpkeep.Appended), maintainer.Actions);
        }
        AssertMatchesRaw("after a load of a new day");

        await ingestor.IngestAsync([late], new IngestOptions());
        foreach (var rollup in _catalog.Rollups)
        {
            Assert.Contains((rollup.Name, DecisionCounts(rollup).Name, RollupUpkeep.Refreshed), maintainer.Actions);
        }
        AssertMatchesRaw("after a late file for a day already loaded");

        var redelivery = RollupParity.Redelivery(Decisions(0), Path.Combine(_folder, "decisions-redelivery.csv"), rows: 40, bump: 1);
        var replaced = await ingestor.IngestAsync([redelivery], new IngestOptions());
        Assert.True(replaced.Files.Sum(f => f.RowsReplaced) > 0, "the re-delivery replaces decisions");
        Assert.DoesNotContain(maintainer.Actions, a => a.Upkeep != RollupUpkeep.Refreshed);
        AssertMatchesRaw("after a re-delivery that moved decisions to the next day");

        // A new day's decisions with an unknown verdict in the last row: --strict fails the load, which is rolled back.
        var bad = RollupParity.BrokenVerdict(Decisions(4), Path.Combine(_folder, "decisions-zz-bad.csv"));
        await Assert.ThrowsAsync<IngestException>(() => ingestor.IngestAsync([bad], new IngestOptions(Strict: true)));
        AssertMatchesRaw("after a rolled-back load");

        // The same day loaded whole afterwards is appended.
        await ingestor.IngestAsync([Decisions(4)], new IngestOptions());
        Assert.Contains(maintainer.Actions, a => a.Upkeep == RollupUpkeep.Appended);
        AssertMatchesRaw("after a load of a new day after the rolled-back one");
    }

    /// <summary>Each rollup's table of aggregates of decisions dated by their decision time (its <c>v0</c> counts rows).</summary>
    private RollupTable DecisionCounts(RollupDefinition rollup) =>
        new RollupLayout(_catalog, rollup, DuckDbDialect.Instance).Tables.First(t => t.Kind == StatementKind.Aggregates && t.Source == "decisions" && t.Time == "decided_at");

    private void AssertMatchesRaw(string when)
    {
        using var connection = _store.OpenConnection();
        long Scalar(string sql, params (string Name, object? Value)[] parameters)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(name, value ?? DBNull.Value));
            }
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        var all = new Period(First.AddDays(-30), First.AddDays(60), "UTC", "every day");
        foreach (var rollup in _catalog.Rollups)
        {
            foreach (var table in new RollupLayout(_catalog, rollup, DuckDbDialect.Instance).Tables)
            {
                var rebuilt = table.Build(all);
                var columns = Columns(connection, table.Name);
                // Sums of doubles agree to their last bits only up to summation order: compared at 1e-6.
                var select = string.Join(", ", columns.Select(c => c.Type == "DOUBLE" ? $"round({c.Name}, 6) AS {c.Name}" : c.Name));
                var stored = $"SELECT {select} FROM \"{table.Name}\"";
                var fresh = $"SELECT {select} FROM ({rebuilt.Sql})";
                var differ = Scalar($"SELECT count(*) FROM (({stored} EXCEPT ALL {fresh}) UNION ALL ({fresh} EXCEPT ALL {stored}))",
                    [.. rebuilt.Parameters.Select(p => (p.Key, p.Value))]);
                Assert.True(differ == 0, $"{when}: {table.Name} ({table.Kind} over {table.Source} by {table.Time}) has {differ} rows unlike its rebuild");
            }
            // The decisions per UTC day and market, counted by hand from the raw rows.
            var counts = DecisionCounts(rollup);
            var market = counts.DimensionColumn("market");
            var handDiffer = Scalar($"""
                WITH hand AS (SELECT CAST(decided_at AS DATE) AS day, market, count(*) AS n FROM decisions GROUP BY ALL),
                     kept AS (SELECT CAST(k0 AS DATE) AS day, {market} AS market, sum(v0) AS n FROM "{counts.Name}" GROUP BY ALL)
                SELECT count(*) FROM ((SELECT * FROM hand EXCEPT SELECT * FROM kept) UNION ALL (SELECT * FROM kept EXCEPT SELECT * FROM hand))
                """);
            Assert.True(handDiffer == 0, $"{when}: rollup {rollup.Name}'s decision counts differ from a GROUP BY over the raw decisions in {handDiffer} rows");
        }
    }

    private static List<(string Name, string Type)> Columns(DuckDB.NET.Data.DuckDBConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '{table}' ORDER BY column_index";
        using var reader = command.ExecuteReader();
        var columns = new List<(string, string)>();
        while (reader.Read())
        {
            columns.Add(("\"" + reader.GetString(0) + "\"", reader.GetString(1)));
        }
        return columns;
    }

    [GeneratedRegex("^(decisions|qa_audits|appeals|staffing)")]
    private static partial Regex Tables();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex DateIn();
}
