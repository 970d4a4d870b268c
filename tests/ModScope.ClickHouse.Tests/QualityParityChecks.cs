using ModScope.Catalog;
using ModScope.Monitor.Quality;
using ModScope.Query;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// The data-quality checks find on a ClickHouse server, in both read modes, exactly what they find on DuckDB for the
/// same files, planted problems included; each planted problem is found with the numbers the planting implies; and
/// after a load that re-delivered stored decisions, metrics still equal DuckDB's. Run on 18.16
/// (<see cref="QualityParityTests"/>) and on a current release (<see cref="ModernQualityParityTests"/>).
/// </summary>
public abstract class QualityParityChecks(QualityData data)
{
    [Fact]
    public async Task Checks_on_ClickHouse_find_what_they_find_on_DuckDB()
    {
        var expected = await RunAsync(data.DuckDb);
        // Every kind of check found something here (late arrival: files loaded today hold five weeks of events), but
        // freshness and missing exchange rates (every generated site's costs are in the reporting currency).
        Assert.Equal(Enum.GetValues<QualityCheckKind>().Except([QualityCheckKind.Freshness, QualityCheckKind.MissingRate]),
            expected.Select(f => f.Check).Distinct().Order());
        Assert.Equal(expected, await RunAsync(data.ClickHouse));
        Assert.Equal(expected, await RunAsync(data.ClickHouseMerged));
    }

    [Fact]
    public async Task Planted_problems_are_found_on_ClickHouse()
    {
        var findings = await RunAsync(data.ClickHouse);

        // The busiest site sent nothing on the missing day: observed 0, critical.
        var missing = Single(findings, QualityCheckKind.Volume, "decisions", $"site = {data.MissingSite}");
        Assert.Equal((data.MissingDay, 0.0, QualitySeverity.Critical), (missing.Day!.Value, missing.Observed, missing.Severity));

        // Policy blanked in every audit from BlankFrom on: the week's rate by a hand-written query.
        var recentFrom = data.AsOf.AddDays(1 - QualityData.Settings.NullRate.Days);
        var rate = NullShare(recentFrom, data.AsOf.AddDays(1));
        var usual = NullShare(recentFrom.AddDays(-QualityData.Settings.NullRate.TrailingDays), recentFrom);
        Assert.True(rate > usual + 0.1, $"planted: {rate} against a usual {usual}"); // four of the seven days without any policy
        var nulls = Single(findings, QualityCheckKind.NullRate, "qa_audits", "column = qa_policy_id");
        Assert.Equal((rate, usual), (nulls.Observed, nulls.Expected!.Value));

        // 30 rows repeated at the end of one file: the repeats are rejected as duplicate ids, 30 of the lines + 30 read.
        var duplicates = Single(findings, QualityCheckKind.QuarantineRate, "decisions", $"file = {data.DuplicateFile}");
        Assert.Equal((double)QualityData.DuplicatedRows / (data.DuplicateFileLines + QualityData.DuplicatedRows), duplicates.Observed, 12);
        Assert.Contains("duplicate_id (30)", duplicates.Message, StringComparison.Ordinal);

        // The later load re-delivered 40 stored decisions: 20 at version 2 replaced theirs, 20 unchanged were rejected.
        var redelivery = Single(findings, QualityCheckKind.DuplicateIds, "decisions", $"file = {QualityData.RedeliveryFile}");
        Assert.Equal(0.5, redelivery.Observed);
        var rejected = Single(findings, QualityCheckKind.QuarantineRate, "decisions", $"file = {QualityData.RedeliveryFile}");
        Assert.Equal(0.5, rejected.Observed);
        Assert.Contains("duplicate_id (20)", rejected.Message, StringComparison.Ordinal);

        // Six audits of decisions that never arrive, 20 days old: orphans of their file.
        var orphans = Single(findings, QualityCheckKind.Orphans, "qa_audits", $"file = {data.OrphanFile}");
        Assert.Equal((double)QualityData.OrphanRows, orphans.Observed);
        Assert.Equal(data.AsOf.AddDays(-20), orphans.Day);
    }

    [Fact]
    public async Task Metrics_after_a_redelivery_equal_DuckDB_in_both_read_modes()
    {
        var catalog = CatalogLoader.LoadDefault();
        var days = new Period(data.First.ToDateTime(TimeOnly.MinValue), data.AsOf.ToDateTime(TimeOnly.MinValue), "UTC", "the data's days");
        var request = new MetricRequest(["decision_volume", "sla_attainment", "tat_p90_hours", "qa_accuracy"], ["market"], TimeGrain.Day, [], days);

        var expected = await new MetricQuery(catalog, data.DuckDb).RunAsync(request);

        foreach (var engine in new[] { data.ClickHouse, data.ClickHouseMerged })
        {
            ResultComparer.AssertSame(catalog, expected, await new MetricQuery(catalog, engine).RunAsync(request), $"after the re-delivery on {engine.Dialect.Name}");
        }
    }

    private Task<IReadOnlyList<QualityFinding>> RunAsync(IMetricEngine engine) =>
        DataQualityChecks.RunAsync(engine, data.AsOf, QualityData.Settings, null, CancellationToken.None);

    private static QualityFinding Single(IReadOnlyList<QualityFinding> findings, QualityCheckKind check, string source, string segment)
    {
        var matching = findings.Where(f => f.Check == check && f.Source == source && f.Segment == segment).ToList();
        Assert.True(matching.Count == 1, $"Expected one {check} finding for {source} [{segment}] among:\n{string.Join("\n", findings)}");
        return matching[0];
    }

    /// <summary>The share of audits without a policy in [from, until), by a hand-written query on the DuckDB store.</summary>
    private double NullShare(DateOnly from, DateOnly until) => Scalar($"""
        SELECT count(*) FILTER (WHERE qa_policy_id IS NULL) / count(*) FROM qa_audits
        WHERE audited_at >= DATE '{QualityData.Text(from)}' AND audited_at < DATE '{QualityData.Text(until)}'
        """);

    private double Scalar(string sql)
    {
        using var connection = data.Store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToDouble(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
