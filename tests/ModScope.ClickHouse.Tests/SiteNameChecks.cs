using ModScope.Ingest;
using ModScope.Model;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// A site's Chinese name (sites.csv <c>name_zh</c>, issue 17) on ClickHouse: it round-trips through a load and the
/// engine's reference data, a file without it loads as before (Chinese falls back to the English name), and a database
/// set up before the column existed reads as before and gains it (in the model's place, on every node) from the setup
/// or from the next load that ships reference tables. Hand-written files; names expected by hand. Run on 18.16 (two
/// shards) and 26.7 (chdb, one node), each test in a database of its own.
/// </summary>
public abstract class SiteNameChecks(IReadOnlyList<Uri> nodes, string cluster, Func<Task> start)
{
    private const string Header = "site_id,name,name_zh,vendor,city,country,time_zone,cost_currency";

    [Fact]
    public async Task A_sites_chinese_name_round_trips_through_a_load_and_the_shipped_sites_carry_theirs()
    {
        await using var scratch = await DatabaseAsync("zh");

        var result = await LoadSitesAsync(scratch.Engine,
            "XPN-OWN,Penang (Own),槟城（自营）,Own,Penang,MY,Asia/Kuala_Lumpur,MYR", "XKB-OWN,Kota Baru (Own),,Own,Kota Baru,MY,Asia/Kuala_Lumpur,MYR");

        Assert.Equal((2L, 0L), (result.Files[0].RowsLoaded, result.Files[0].RowsQuarantined));
        using var reader = scratch.NewEngine();
        var reference = reader.Reference;
        Assert.Equal("槟城（自营）", PlaceNames.Name(reference, "site", "XPN-OWN", "zh-Hans"));
        Assert.Equal("Penang (Own)", PlaceNames.Name(reference, "site", "XPN-OWN", "en"));
        // An empty name_zh is none: Chinese shows the English name.
        Assert.Equal("Kota Baru (Own)", PlaceNames.Name(reference, "site", "XKB-OWN", "zh-Hans"));
        // The cluster's first load seeded the shipped sites, Chinese names included.
        Assert.Equal("吉隆坡（Alpha）", PlaceNames.Name(reference, "site", "KUL-ALPHA", "zh-Hans"));
    }

    [Fact]
    public async Task A_database_set_up_before_name_zh_reads_as_before_and_gains_the_column_from_the_next_reference_load()
    {
        await using var scratch = await DatabaseAsync("old");
        // The layout of a database set up before the change: sites without name_zh on every node, one site stored.
        await scratch.OnEveryNodeAsync("ALTER TABLE sites_local DROP COLUMN name_zh", "ALTER TABLE sites DROP COLUMN name_zh");
        using (var first = scratch.OnNode(nodes[0]))
        {
            await first.ExecuteAsync("INSERT INTO sites_local (site_id, name, vendor, city, country, time_zone, cost_currency, valid_from, __rank) " +
                "VALUES ('XKB-OWN', 'Kota Baru (Own)', 'Own', 'Kota Baru', 'MY', 'Asia/Kuala_Lumpur', 'MYR', '1970-01-01', 1)");
        }
        using (var before = scratch.NewEngine())
        {
            Assert.Equal("Kota Baru (Own)", PlaceNames.Name(before.Reference, "site", "XKB-OWN", "zh-Hans"));
        }

        var result = await LoadSitesAsync(scratch.Engine, "XPN-OWN,Penang (Own),槟城（自营）,Own,Penang,MY,Asia/Kuala_Lumpur,MYR");

        Assert.Equal((1L, 0L), (result.Files[0].RowsLoaded, result.Files[0].RowsQuarantined));
        using var reader = scratch.NewEngine();
        Assert.Equal("槟城（自营）", PlaceNames.Name(reader.Reference, "site", "XPN-OWN", "zh-Hans"));
        Assert.Equal("Kota Baru (Own)", PlaceNames.Name(reader.Reference, "site", "XKB-OWN", "zh-Hans"));
        await scratch.AssertSiteColumnsInModelOrderAsync();
    }

    [Fact]
    public async Task The_setup_gives_a_database_set_up_before_name_zh_the_column_in_its_place_on_every_node()
    {
        await using var scratch = await DatabaseAsync("setup");
        await scratch.OnEveryNodeAsync("ALTER TABLE sites_local DROP COLUMN name_zh", "ALTER TABLE sites DROP COLUMN name_zh");

        await ClickHouseSetup.CreateAsync(nodes, scratch.Name, cluster);

        await scratch.AssertSiteColumnsInModelOrderAsync();
    }

    /// <summary>Loads one sites file of <paramref name="rows"/> (with name_zh) through <paramref name="engine"/>.</summary>
    private static async Task<IngestResult> LoadSitesAsync(ClickHouseEngine engine, params string[] rows)
    {
        var folder = Directory.CreateTempSubdirectory("modscope-ch-sitezh-");
        try
        {
            var path = Path.Combine(folder.FullName, "sites-own.csv");
            File.WriteAllText(path, Header + "\n" + string.Concat(rows.Select(r => r + "\n")));
            return await new ClickHouseLoader(engine).IngestAsync([path], new IngestOptions());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<Scratch> DatabaseAsync(string suffix)
    {
        if (!await LoopbackServer.AnswersAsync(nodes[0]))
        {
            await start();
        }
        var name = $"modscope_sitezh_{suffix}_{Guid.NewGuid().ToString("N")[..8]}";
        await ClickHouseSetup.CreateAsync(nodes, name, cluster);
        return new Scratch(nodes, name, cluster);
    }

    private sealed class Scratch(IReadOnlyList<Uri> nodes, string name, string cluster) : IAsyncDisposable
    {
        public string Name => name;

        /// <summary>Loads and reads through the first node, naming every node.</summary>
        public ClickHouseEngine Engine { get; } = new(new ClickHouseOptions(nodes[0], name, cluster) { Nodes = nodes });

        public ClickHouseEngine NewEngine() => new(new ClickHouseOptions(nodes[0], name, cluster) { Nodes = nodes });

        public ClickHouseEngine OnNode(Uri node) => new(new ClickHouseOptions(node, name, cluster) { Nodes = [node] });

        public async Task OnEveryNodeAsync(params string[] statements)
        {
            foreach (var node in nodes)
            {
                using var engine = OnNode(node);
                foreach (var statement in statements)
                {
                    await engine.ExecuteAsync(statement);
                }
            }
        }

        /// <summary>On every node, sites_local and sites have the model's columns in its order, then the rank.</summary>
        public async Task AssertSiteColumnsInModelOrderAsync()
        {
            string[] expected = ["site_id", "name", "name_zh", "vendor", "city", "country", "time_zone", "cost_currency", "valid_from", "__rank"];
            foreach (var node in nodes)
            {
                using var engine = OnNode(node);
                foreach (var table in new[] { "sites_local", "sites" })
                {
                    var rows = await engine.QueryAsync($"DESCRIBE TABLE {table}", new Dictionary<string, object?>());
                    Assert.Equal(expected, rows.Select(r => (string)r[0]!).ToArray());
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            Engine.Dispose();
            await ClickHouseSetup.DropAsync(nodes, name);
        }
    }
}

/// <summary>Site names in Chinese on the two-shard 18.16 cluster.</summary>
public sealed class SiteNameTests() : SiteNameChecks(ClusterFixture.Nodes, ClickHouseOptions.DefaultCluster,
    () => LoopbackServer.RunScriptAsync("clickhouse-cluster.sh", "start"));

/// <summary>Site names in Chinese on a current ClickHouse (26.7 through chdb, one node).</summary>
public sealed class ModernSiteNameTests() : SiteNameChecks([ChdbFixture.Url], ChdbFixture.Cluster,
    () => LoopbackServer.RunScriptAsync("chdb-http.sh", "start", "; the modern-ClickHouse tests need node and npm (npm install chdb@3.4.0)"));
