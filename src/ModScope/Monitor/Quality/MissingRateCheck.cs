using ModScope.Monitor.Findings;
using static ModScope.Monitor.Quality.QualityText;
using static ModScope.Monitor.Quality.QualityValues;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Staffing costs in a currency other than the reporting one (<see cref="QualitySettings.ReportingCurrency"/>) on days
/// with no exchange rate on or before them (<c>fx_rates</c>): cost metrics leave such a cost out (unknown, never 0), so
/// it is a warning per currency, naming the sites and the days, over the judged days. Written once for both engines:
/// SQL counts the costed staffing rows per site and day and finds each currency's first rate; C# judges each site's
/// currency on the day by the engine's reference data (the site row in force: sites keep history by valid_from).
/// </summary>
internal sealed class MissingRateCheck : IQualityCheck
{
    public async Task<IReadOnlyList<QualityFinding>> RunAsync(QualityContext context)
    {
        var sql = context.Sql;
        var date = sql.Quote("date");
        var days = await sql.RowsAsync($"""
            SELECT {sql.Quote("site")}, {date}, count(*) FROM {sql.Table("staffing")}
            WHERE {date} >= $from AND {date} < $until AND {sql.Quote("hourly_cost")} IS NOT NULL
            GROUP BY {sql.Quote("site")}, {date}
            """, ("from", (object?)context.WindowStart), ("until", (object?)context.Until)).ConfigureAwait(false);
        if (days.Count == 0)
        {
            return [];
        }
        // The earliest rate of each currency: a cost has a rate on or before its day exactly when its day is not before it.
        // Read through the dialect: on ClickHouse the generation of the reference tables in force, not one a failed load left.
        var firstRates = (await sql.RowsAsync($"SELECT {sql.Quote("currency")}, min({date}) FROM {sql.Table("fx_rates")} GROUP BY {sql.Quote("currency")}")
            .ConfigureAwait(false)).ToDictionary(r => AsText(r[0]), r => AsDay(r[1]), StringComparer.Ordinal);
        var sites = sql.Reference.Sites.ToLookup(s => s.SiteId, StringComparer.Ordinal);
        var reporting = context.Settings.ReportingCurrency;
        var missing = days.Select(r => (Site: AsText(r[0]), Day: AsDay(r[1]), Rows: AsLong(r[2])))
            .Select(d => (d.Site, d.Day, d.Rows, Currency: sites[d.Site].Where(s => s.ValidFrom <= d.Day).MaxBy(s => s.ValidFrom)?.CostCurrency))
            .Where(d => d.Currency is not null && d.Currency != reporting && !(firstRates.TryGetValue(d.Currency, out var first) && first <= d.Day))
            .GroupBy(d => d.Currency!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        return missing.Select(g =>
        {
            var (currency, count, first, last) = (g.Key, g.Sum(d => d.Rows), g.Min(d => d.Day), g.Max(d => d.Day));
            var names = string.Join(", ", g.Select(d => d.Site).Distinct().Order(StringComparer.Ordinal));
            return new QualityFinding(QualityCheckKind.MissingRate, QualitySeverity.Warning, "staffing", $"currency = {currency}", last,
                count, null, 0, QualityUnit.Rows,
                $"{Plural(count, "staffing row", "staffing rows")} of {names} from {Day(first)} to {Day(last)} cost in {currency}, which has no exchange rate " +
                $"to {reporting} on or before their day (fx_rates); cost metrics leave them out.")
            {
                Facts = FindingFacts.Of("missing_rate", ("rows", FindingFacts.Count(count)), ("sites", FindingFacts.Text(names)),
                    ("currency", FindingFacts.Text(currency)), ("reporting", FindingFacts.Text(reporting)),
                    ("first", FindingFacts.Day(first)), ("last", FindingFacts.Day(last))),
            };
        }).ToList();
    }
}
