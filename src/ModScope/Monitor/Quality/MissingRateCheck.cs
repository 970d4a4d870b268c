using ModScope.Monitor.Findings;
using ModScope.Query;
using static ModScope.Monitor.Quality.QualityText;
using static ModScope.Monitor.Quality.QualityValues;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Staffing costs in a currency other than the reporting one (<see cref="QualitySettings.ReportingCurrency"/>) on days
/// with no exchange rate on or before them (<c>fx_rates</c>): cost metrics leave such a cost out (unknown, never 0), so
/// it is a warning per currency, naming the sites and the days, over the judged days. Runs on the DuckDB store, which
/// holds the exchange rates (ClickHouse converts no currency yet).
/// </summary>
internal sealed class MissingRateCheck : IQualityCheck
{
    public async Task<IReadOnlyList<QualityFinding>> RunAsync(QualityContext context)
    {
        if (context.Sql.Dialect is not DuckDbDialect)
        {
            return [];
        }
        // The site row in force on the staffing row's day names its currency (sites keep history by valid_from).
        var rows = await context.Sql.RowsAsync("""
            SELECT x.cost_currency, count(*), min(s.date), max(s.date), string_agg(DISTINCT s.site, ', ' ORDER BY s.site)
            FROM staffing s ASOF JOIN sites x ON x.site_id = s.site AND s.date >= x.valid_from
            WHERE s.date >= $from AND s.date < $until AND s.hourly_cost IS NOT NULL AND x.cost_currency <> $currency
              AND NOT EXISTS (SELECT 1 FROM fx_rates r WHERE r.currency = x.cost_currency AND r.date <= s.date)
            GROUP BY x.cost_currency ORDER BY x.cost_currency
            """, ("from", (object?)context.WindowStart.ToDateTime(TimeOnly.MinValue)), ("until", (object?)context.Until.ToDateTime(TimeOnly.MinValue)),
            ("currency", (object?)context.Settings.ReportingCurrency)).ConfigureAwait(false);
        var reporting = context.Settings.ReportingCurrency;
        return rows.Select(r =>
        {
            var (currency, count, first, last, sites) = (AsText(r[0]), AsLong(r[1]), AsDay(r[2]), AsDay(r[3]), AsText(r[4]));
            return new QualityFinding(QualityCheckKind.MissingRate, QualitySeverity.Warning, "staffing", $"currency = {currency}", last,
                count, null, 0, QualityUnit.Rows,
                $"{Plural(count, "staffing row", "staffing rows")} of {sites} from {Day(first)} to {Day(last)} cost in {currency}, which has no exchange rate " +
                $"to {reporting} on or before their day (fx_rates); cost metrics leave them out.")
            {
                Facts = FindingFacts.Of("missing_rate", ("rows", FindingFacts.Count(count)), ("sites", FindingFacts.Text(sites)),
                    ("currency", FindingFacts.Text(currency)), ("reporting", FindingFacts.Text(reporting)),
                    ("first", FindingFacts.Day(first)), ("last", FindingFacts.Day(last))),
            };
        }).ToList();
    }
}
