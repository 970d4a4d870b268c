using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Query;

/// <summary>
/// Each site's costs are in its own currency; cost metrics convert them into the reporting currency at the rate of the
/// latest fx_rates date on or before the cost's day. Expected values are worked out by hand in the comments.
/// </summary>
public sealed class CurrencyConversionTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private static string Decision(int n, string day) =>
        $"D{n},listing,L{n},XA,XA-main,counterfeit,proactive_model,human,LIS-DELTA-m1,LIS-DELTA,remove,pt,{day}T10:00:00Z,{day}T11:00:00Z,60,1";

    private async Task LoadAsync(params string[] rates)
    {
        string[] files =
        [
            WriteCsv(_store.File("markets-acme.csv"), "code,name_en,name_zh,region,language,time_zone", ["XA,Acmeland,,ZZR,pt,Europe/Lisbon"]),
            WriteCsv(_store.File("queues-acme.csv"), "queue_id,market,object_type,sla_hours,name_en,name_zh", ["XA-main,XA,listing,24,,"]),
            WriteCsv(_store.File("sites-acme.csv"), "site_id,name,vendor,city,country,time_zone,cost_currency", ["LIS-DELTA,Lisbon,Delta,Lisbon,PT,Europe/Lisbon,EUR"]),
            WriteCsv(_store.File("fx_rates-2026.csv"), "date,currency,rate", rates),
            WriteCsv(_store.File("staffing-acme.csv"), "date,site,market,moderator_id,scheduled_hours,productive_hours,hourly_cost",
                ["2026-08-24,LIS-DELTA,XA,m1,8,6,10", "2026-08-25,LIS-DELTA,XA,m1,8,6,10", "2026-08-26,LIS-DELTA,XA,m1,4,3,10"]),
            WriteCsv(_store.File("decisions-acme.csv"), Header,
                [Decision(1, "2026-08-24"), Decision(2, "2026-08-25"), Decision(3, "2026-08-26"), Decision(4, "2026-08-26")]),
        ];
        var result = await new Ingestor(_store.Store).IngestAsync(files, new IngestOptions());
        Assert.All(result.Files, f => Assert.Equal(0, f.RowsQuarantined));
    }

    private async Task<double?> CostPerDecisionAsync()
    {
        using var engine = new DuckDbEngine(_store.Store);
        var query = new MetricQuery(CatalogLoader.LoadDefault(), engine);
        var period = new Period(new DateTime(2026, 8, 24), new DateTime(2026, 8, 31), "UTC", "that week");
        var results = await query.RunAsync(new MetricRequest(["cost_per_decision"], [], TimeGrain.None, [], period));
        return Assert.Single(results).Value;
    }

    [Fact]
    public async Task A_sites_costs_are_converted_at_the_rate_of_the_latest_date_on_or_before_their_day()
    {
        await LoadAsync("2026-08-24,EUR,1.10", "2026-08-26,EUR,1.20");

        // 24th: 8 h x 10 EUR x 1.10 = 88; 25th has no rate, so the 24th's: 88; 26th: 4 h x 10 EUR x 1.20 = 48.
        // (88 + 88 + 48) USD over 4 human decisions = 56.
        Assert.Equal(56, (await CostPerDecisionAsync())!.Value, 9);
    }

    [Fact]
    public async Task A_rate_applies_from_its_date_only()
    {
        await LoadAsync("2026-08-01,EUR,1.00", "2026-08-25,EUR,1.50");

        // 24th: 8 x 10 x 1.00 = 80 (the August 1st rate); 25th: 8 x 10 x 1.50 = 120; 26th: 4 x 10 x 1.50 = 60.
        // 260 USD over 4 decisions = 65.
        Assert.Equal(65, (await CostPerDecisionAsync())!.Value, 9);
    }

    [Fact]
    public async Task A_cost_with_no_rate_on_or_before_its_day_is_a_data_health_finding_in_english_and_chinese()
    {
        await LoadAsync("2026-08-25,EUR,1.50");

        var findings = await ModScope.Monitor.Quality.DataQualityChecks.RunAsync(_store.Store, new DateOnly(2026, 8, 26),
            new ModScope.Monitor.Quality.QualitySettings(), CancellationToken.None);

        // Only the 24th's staffing row lacks a rate (the first EUR rate is dated the 25th).
        var finding = Assert.Single(findings, f => f.Check == ModScope.Monitor.Quality.QualityCheckKind.MissingRate);
        Assert.Equal(("staffing", "currency = EUR", new DateOnly(2026, 8, 24), 1.0), (finding.Source, finding.Segment, finding.Day, finding.Observed));
        var reference = ModScope.Store.StoredReference.Load(_store.Store);
        var english = new ModScope.Monitor.Findings.FindingRenderer(CatalogLoader.LoadDefault(), reference, "en").Render(finding.Facts, finding.Message);
        Assert.Equal("1 staffing rows of LIS-DELTA from 2026-08-24 to 2026-08-24 cost in EUR, which has no exchange rate to USD on or before their day (fx_rates); cost metrics leave them out.", english);
        var chinese = new ModScope.Monitor.Findings.FindingRenderer(CatalogLoader.LoadDefault(), reference, "zh-Hans").Render(finding.Facts, finding.Message);
        Assert.Contains("EUR", chinese, StringComparison.Ordinal);
        Assert.Contains("汇率", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Costs_with_a_rate_on_every_day_raise_no_finding()
    {
        await LoadAsync("2026-08-24,EUR,1.10");

        var findings = await ModScope.Monitor.Quality.DataQualityChecks.RunAsync(_store.Store, new DateOnly(2026, 8, 26),
            new ModScope.Monitor.Quality.QualitySettings(), CancellationToken.None);

        Assert.DoesNotContain(findings, f => f.Check == ModScope.Monitor.Quality.QualityCheckKind.MissingRate);
    }

    [Fact]
    public void A_catalogue_names_its_reporting_currency_in_the_cost_metric()
    {
        var metric = CatalogLoader.LoadDefault().Metric("cost_per_decision");

        Assert.Equal("Cost per human decision (USD)", metric.Name.En);
        Assert.Equal("USD per decision", metric.Unit);
        Assert.Equal("USD", metric.Currency);
    }
}
