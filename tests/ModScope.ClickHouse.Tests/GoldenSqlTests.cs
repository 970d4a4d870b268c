using ModScope.Catalog;
using ModScope.Model;
using ModScope.Query;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// The SQL the ClickHouse dialect writes for the same typical requests as the DuckDB golden files, compared
/// with reviewed files in Golden/. After reviewing a change, regenerate with
/// MODSCOPE_UPDATE_GOLDEN=1 dotnet test tests/ModScope.ClickHouse.Tests --filter GoldenSql.
/// </summary>
public sealed class GoldenSqlTests
{
    private static readonly Period Week = new(new DateTime(2026, 11, 9), new DateTime(2026, 11, 16), "Asia/Singapore", "2026-W46");

    public static TheoryData<string, MetricRequest> Requests() => new()
    {
        { "volume_by_market_by_day", new MetricRequest(["decision_volume"], ["market"], TimeGrain.Day, [], Week) },
        { "accuracy_by_site_by_week", new MetricRequest(["qa_accuracy"], ["site"], TimeGrain.Week, [], Week) },
        { "tat_p90_by_queue_with_intervals", new MetricRequest(["tat_p90_hours"], ["queue"], TimeGrain.None, [], Week) { QuantileIntervals = true } },
        { "sla_by_region_filtered", new MetricRequest(["sla_attainment"], ["region"], TimeGrain.None, [new DimensionFilter("market", FilterOperator.In, ["US", "GB"])], Week) },
        { "backlog_by_day", new MetricRequest(["backlog_end_of_period"], [], TimeGrain.Day, [], Week) },
        { "kappa_by_policy_area", new MetricRequest(["qa_agreement_kappa"], ["parent_policy"], TimeGrain.None, [new DimensionFilter("decided_by", FilterOperator.NotIn, ["automated"])], Week) },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void ClickHouse_sql_matches_the_reviewed_golden_file(string name, MetricRequest request)
    {
        var plan = new QueryPlanner(CatalogLoader.LoadDefault(), new ClickHouseDialect(lookups: ClickHouseLookups.Of(ReferenceData.Shipped))).Plan(request);
        var actual = plan.Explain().ReplaceLineEndings("\n") + "\n";
        var path = RepoPaths.Combine("tests", "ModScope.ClickHouse.Tests", "Golden", name + ".sql");

        if (Environment.GetEnvironmentVariable("MODSCOPE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"No golden file {path}; review the SQL and create it with MODSCOPE_UPDATE_GOLDEN=1.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
