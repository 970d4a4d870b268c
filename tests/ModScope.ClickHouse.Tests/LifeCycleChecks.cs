using ModScope.Ingest;
using ModScope.Store;
using ModScope.Tests.Sources;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// What a load leaves behind on the cluster, each test in a database of its own: waiting rows settle as on DuckDB (a
/// released row leaves <c>pending_*</c> and is released in quarantine, one judged a duplicate is a rejected
/// <c>duplicate_id</c>), and a reference load drops the generations no longer in force while the one in force keeps the
/// history. Run on 18.16 (two shards) and 26.7.
/// </summary>
public abstract class LifeCycleChecks(ParityDataFixture fixture)
{
    [Fact]
    public async Task Waiting_rows_leave_pending_when_released_and_one_judged_a_duplicate_is_rejected_as_on_DuckDB()
    {
        await using var database = await fixture.ScratchDatabaseAsync("settle");
        var options = new IngestOptions(Mapping: BazaarData.Mapping());
        var folder = Directory.CreateTempSubdirectory("modscope-ch-settle-");
        try
        {
            // Bazaarly's eleven decisions wait for their codes; then its reference files arrive with T01 sent again.
            var export = Directory.GetFiles(BazaarData.Inputs[1]).Single();
            var resent = Path.Combine(folder.FullName, "decisions-bazaar-resent.csv");
            File.WriteAllLines(resent, File.ReadLines(export).Take(2));
            using var store = ModScopeStore.Open(Path.Combine(folder.FullName, "store.duckdb"));
            var ingestor = new Ingestor(store);
            var loader = new ClickHouseLoader(database.Merged);
            await ingestor.IngestAsync([export], options);
            await loader.IngestAsync([export], options);
            var duckLater = await ingestor.IngestAsync([BazaarData.Inputs[0], resent], options);
            var clickLater = await loader.IngestAsync([BazaarData.Inputs[0], resent], options);

            // T01 of the resent file loads (its codes are known in that load), so the waiting T01 is a duplicate: ten released.
            Assert.Equal((10L, 10L), (duckLater.RowsReleased, clickLater.RowsReleased));
            var duck = DuckQuarantine(store);
            var click = (await database.Merged.QueryAsync(
                    "SELECT table_name, line, status, rule, field, message FROM quarantine ORDER BY table_name, line, status",
                    new Dictionary<string, object?>()))
                .Select(r => string.Join(" | ", r)).ToList();
            Assert.Equal(duck, click);
            Assert.Equal(10, duck.Count(r => r.Contains("| released |", StringComparison.Ordinal)));
            var rejected = Assert.Single(duck, r => r.Contains("| rejected |", StringComparison.Ordinal));
            Assert.StartsWith("decisions | 2 | rejected | duplicate_id | decision_id | decision_id 'T01' was already loaded", rejected, StringComparison.Ordinal);
            // Nothing waits any more, on either engine.
            Assert.Equal(0, Scalar(store, "SELECT count(*) FROM pending_decisions"));
            foreach (var engine in database.Modes)
            {
                var rows = await engine.QueryAsync("SELECT toInt64(count()) FROM pending_decisions", new Dictionary<string, object?>());
                Assert.Equal(0L, Convert.ToInt64(rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_reference_load_drops_the_generations_no_longer_in_force_and_the_one_in_force_keeps_the_history()
    {
        await using var database = await fixture.ScratchDatabaseAsync("generations");
        var folder = Directory.CreateTempSubdirectory("modscope-ch-generations-");
        try
        {
            await new ClickHouseLoader(database.Merged).IngestAsync([BazaarData.Inputs[0]], new IngestOptions());
            // Northland moves to another region from 10 November: a second generation, with both of its rows.
            var moved = Path.Combine(folder.FullName, "markets-moved.csv");
            File.WriteAllText(moved, "code,name_en,name_zh,region,language,time_zone,valid_from\nXN,Northland,北地,NOR,pt,America/Sao_Paulo,2026-11-10\n");
            await new ClickHouseLoader(database.Merged).IngestAsync([moved], new IngestOptions());

            Assert.Equal(2, Convert.ToInt64((await database.Merged.QueryAsync("SELECT toInt64(count()) FROM reference_loads",
                new Dictionary<string, object?>()))[0][0], System.Globalization.CultureInfo.InvariantCulture));
            foreach (var table in ModScope.Model.ReferenceSchema.Loadable)
            {
                // One generation left in every table, on every node (the Distributed table reads them all).
                var ranks = await database.Merged.QueryAsync($"SELECT toInt64(uniqExact(__rank)) FROM {table.Name}", new Dictionary<string, object?>());
                Assert.True(Convert.ToInt64(ranks[0][0], System.Globalization.CultureInfo.InvariantCulture) <= 1, $"{table.Name}: {ranks[0][0]} generations");
            }
            var northland = await database.Merged.QueryAsync("SELECT region FROM markets WHERE code = 'XN' ORDER BY valid_from", new Dictionary<string, object?>());
            Assert.Equal(["SAM", "NOR"], northland.Select(r => (string)r[0]!));
            foreach (var mode in database.Modes)
            {
                using var engine = new ClickHouseEngine(mode.Options);
                Assert.Equal(["SAM", "NOR"], engine.Reference.Markets.Where(m => m.Code == "XN").OrderBy(m => m.ValidFrom).Select(m => m.Region));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static List<string> DuckQuarantine(ModScopeStore store)
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_name, line, status, rule, field, message FROM quarantine ORDER BY table_name, line, status";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i),
                System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    private static long Scalar(ModScopeStore store, string sql)
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
