using ModScope.Ingest;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Ingest;

/// <summary>Exchange rates load from fx_rates*.csv like the other reference data: checked, quarantined, correctable.</summary>
public sealed class FxRateIngestTests : IDisposable
{
    private const string Header = "date,currency,rate";

    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Bad_rates_are_quarantined_with_line_field_and_rule()
    {
        var file = WriteCsv(_store.File("fx_rates-bad.csv"), Header,
            ["2026-08-24,EUR,1.10", "2026-08-24,euro,1.10", "2026-08-24,GBP,0", "2026-08-32,GBP,1.2", "2026-08-24,JPY,"]);

        var result = await new Ingestor(_store.Store).IngestAsync([file], new IngestOptions());

        var quarantined = _store.Rows("SELECT line, field, rule FROM quarantine ORDER BY line").Select(r => $"{r[0]}:{r[1]}:{r[2]}").ToList();
        Assert.Equal(["3:currency:bad_currency", "4:rate:rate_not_positive", "5:date:bad_date", "6:rate:missing_required"], quarantined);
        Assert.Equal(1L, result.Files.Single().RowsLoaded);
    }

    [Fact]
    public async Task A_rate_for_a_stored_date_and_currency_corrects_it()
    {
        await new Ingestor(_store.Store).IngestAsync([WriteCsv(_store.File("fx_rates-1.csv"), Header, ["2026-08-24,EUR,1.10"])], new IngestOptions());

        var result = await new Ingestor(_store.Store).IngestAsync([WriteCsv(_store.File("fx_rates-2.csv"), Header, ["2026-08-24,EUR,1.12"])], new IngestOptions());

        Assert.Equal(1, result.Files.Single().RowsReplaced);
        Assert.Equal(1.12, Assert.Single(_store.Rows("SELECT rate FROM fx_rates"))[0]);
    }
}
