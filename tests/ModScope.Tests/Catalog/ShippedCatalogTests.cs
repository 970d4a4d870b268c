using ModScope.Catalog;

namespace ModScope.Tests.Catalog;

public sealed class ShippedCatalogTests
{
    private static readonly string[] RequiredMetrics =
    [
        "decision_volume", "human_decision_volume", "automation_rate", "proactive_detection_rate", "enforcement_rate",
        "qa_audit_volume", "qa_accuracy", "over_enforcement_rate", "under_enforcement_rate", "wrong_policy_rate",
        "qa_agreement_kappa", "appeal_rate", "appeal_overturn_rate", "appeal_tat_p50_hours", "tat_p50_hours", "tat_p90_hours",
        "sla_attainment", "backlog_end_of_period", "aht_seconds", "decisions_per_productive_hour", "utilisation", "cost_per_decision",
    ];

    private static readonly MetricCatalog Catalog = CatalogLoader.LoadDefault();

    [Fact]
    public void The_shipped_catalogue_defines_every_core_index_metric()
    {
        Assert.Empty(RequiredMetrics.Except(Catalog.Metrics.Select(m => m.Id)));
    }

    [Fact]
    public void Every_metric_and_dimension_has_english_and_chinese_text()
    {
        foreach (var metric in Catalog.Metrics)
        {
            Assert.False(string.IsNullOrWhiteSpace(metric.Name.En), metric.Id);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", metric.Name.ZhHans);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", metric.Description.ZhHans);
        }
        Assert.All(Catalog.Dimensions, d => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", d.Name.ZhHans));
    }

    [Fact]
    public void Metrics_from_the_qa_sample_are_marked_sampled_and_census_metrics_are_not()
    {
        var sampled = Catalog.Metrics.Where(m => m.Sampled).Select(m => m.Id).Order().ToList();

        Assert.Equal(["over_enforcement_rate", "qa_accuracy", "qa_agreement_kappa", "under_enforcement_rate", "wrong_policy_rate"], sampled);
    }

    [Fact]
    public void Dimensions_follow_the_sources_a_metric_reads()
    {
        // Staffing carries market, region, site and moderator only; a ratio of staffing and decisions keeps those.
        Assert.Equal(["market", "region", "site", "moderator"], Catalog.Metric("decisions_per_productive_hour").Dimensions);
        // Audits reach their decision, so QA metrics slice like decisions.
        Assert.Contains("policy", Catalog.Metric("qa_accuracy").Dimensions);
        Assert.Equal(12, Catalog.Metric("decision_volume").Dimensions.Count);
    }

    [Fact]
    public void Only_the_helper_sum_of_squares_is_kept_out_of_the_monitors_scan()
    {
        Assert.Equal(["handling_seconds_squared"], Catalog.Metrics.Where(m => !m.Monitored).Select(m => m.Id));
    }
}
