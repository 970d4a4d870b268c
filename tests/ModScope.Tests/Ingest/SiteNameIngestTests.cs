using ModScope.Ingest;
using ModScope.Model;
using ModScope.Store;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Ingest;

/// <summary>
/// A sites file's optional <c>name_zh</c> (issue 17): loaded when given and shown in Chinese; a file without the column,
/// or with it empty, loads as before and Chinese falls back to the English <c>name</c>; a bad value is quarantined with
/// file, line and field like any reference column. Expected names are written by hand.
/// </summary>
public sealed class SiteNameIngestTests : IDisposable
{
    private const string SiteHeaderZh = "site_id,name,name_zh,vendor,city,country,time_zone,cost_currency";

    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_sites_file_with_name_zh_gives_each_site_its_chinese_name_and_keeps_the_english_one()
    {
        var sites = WriteCsv(_store.File("sites-zh.csv"), SiteHeaderZh,
            ["XKL-OWN,Kota Baru (Own),哥打巴鲁（自营）,Own,Kota Baru,MY,Asia/Kuala_Lumpur,MYR", "XPN-OWN,Penang (Own),槟城（自营）,Own,Penang,MY,Asia/Kuala_Lumpur,MYR"]);

        var result = await new Ingestor(_store.Store).IngestAsync([sites], new IngestOptions());

        var file = Assert.Single(result.Files);
        Assert.Equal((2, 2, 0), (file.RowsRead, file.RowsLoaded, file.RowsQuarantined));
        var reference = StoredReference.Load(_store.Store);
        var site = Assert.Single(reference.Sites, s => s.SiteId == "XKL-OWN");
        Assert.Equal(("Kota Baru (Own)", "哥打巴鲁（自营）", "Own", "MYR"), (site.Name, site.NameZh, site.Vendor, site.CostCurrency));
        Assert.Equal("槟城（自营）", PlaceNames.Name(reference, "site", "XPN-OWN", "zh-Hans"));
        Assert.Equal("Penang (Own)", PlaceNames.Name(reference, "site", "XPN-OWN", "en"));
    }

    [Fact]
    public async Task A_sites_file_without_name_zh_loads_as_before_and_chinese_falls_back_to_the_english_name()
    {
        // The header every sites file had before name_zh existed (DecisionRows.SiteHeader).
        var sites = WriteCsv(_store.File("sites-old.csv"), SiteHeader, ["XKL-OWN,Kota Baru (Own),Own,Kota Baru,MY,Asia/Kuala_Lumpur,MYR"]);

        var result = await new Ingestor(_store.Store).IngestAsync([sites], new IngestOptions());

        Assert.Equal((1, 0), (Assert.Single(result.Files).RowsLoaded, result.Files[0].RowsQuarantined));
        var reference = StoredReference.Load(_store.Store);
        Assert.Equal("", Assert.Single(reference.Sites, s => s.SiteId == "XKL-OWN").NameZh);
        Assert.Equal("Kota Baru (Own)", PlaceNames.Name(reference, "site", "XKL-OWN", "zh-Hans"));
    }

    [Fact]
    public async Task An_empty_name_zh_is_the_same_as_none()
    {
        var sites = WriteCsv(_store.File("sites-empty.csv"), SiteHeaderZh, ["XKL-OWN,Kota Baru (Own),,Own,Kota Baru,MY,Asia/Kuala_Lumpur,MYR"]);

        await new Ingestor(_store.Store).IngestAsync([sites], new IngestOptions());

        Assert.Equal(1, _store.Count("SELECT count(*) FROM sites WHERE site_id = 'XKL-OWN' AND name_zh IS NULL"));
        var reference = StoredReference.Load(_store.Store);
        Assert.Equal("", Assert.Single(reference.Sites, s => s.SiteId == "XKL-OWN").NameZh);
        Assert.Equal("Kota Baru (Own)", PlaceNames.Name(reference, "site", "XKL-OWN", "zh-Hans"));
    }

    [Fact]
    public async Task A_bad_name_zh_is_quarantined_with_file_line_and_field()
    {
        // Line 3 holds a control character (U+0001) inside its Chinese name; line 2 is sound and loads.
        var sites = WriteCsv(_store.File("sites-bad-zh.csv"), SiteHeaderZh,
            ["XKL-OWN,Kota Baru (Own),哥打巴鲁（自营）,Own,Kota Baru,MY,Asia/Kuala_Lumpur,MYR", "XPN-OWN,Penang (Own),槟城\u0001,Own,Penang,MY,Asia/Kuala_Lumpur,MYR"]);

        var result = await new Ingestor(_store.Store).IngestAsync([sites], new IngestOptions());

        Assert.Equal((2, 1, 1), (result.Files[0].RowsRead, result.Files[0].RowsLoaded, result.Files[0].RowsQuarantined));
        var quarantined = _store.Rows("SELECT f.name, q.line, q.field, q.rule FROM quarantine q JOIN files f USING (file_id)")
            .Select(r => $"{r[0]}:{r[1]}:{r[2]}:{r[3]}").ToList();
        Assert.Equal(["sites-bad-zh.csv:3:name_zh:control_character"], quarantined);
    }

    [Fact]
    public void The_shipped_sites_carry_their_chinese_names()
    {
        // reference/sites.csv: city in Chinese, vendor in full-width parentheses, 自营 for in-house.
        var shipped = ReferenceData.Shipped.Sites.ToDictionary(s => s.SiteId, s => s.NameZh);
        Assert.Equal(12, shipped.Count);
        Assert.Equal("吉隆坡（Alpha）", shipped["KUL-ALPHA"]);
        Assert.Equal("马尼拉（Bravo）", shipped["MNL-BRAVO"]);
        Assert.Equal("都柏林（自营）", shipped["DUB-INHOUSE"]);
        Assert.Equal("圣保罗（Echo）", shipped["SAO-ECHO"]);
        Assert.All(shipped.Values, name => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+（(\p{L}+)）$", name));
    }
}
