using ModScope.Monitor.Explanation;
using ModScope.Model;
using ModScope.Monitor.Alerts;
using ModScope.Synthetic.Evaluation;
using ModScope.Synthetic;

namespace ModScope.Tests.Synthetic.Evaluation;

public sealed class IncidentMatcherTests
{
    private static readonly DateOnly Start = new(2026, 10, 19);
    private readonly IncidentMatcher _matcher = new(ReferenceData.Shipped);

    private static Incident TatSurge() =>
        new("INC-03", IncidentKinds.TatSurge, Start, Start.AddDays(3), ["tat_p50_hours", "sla_attainment"],
            new Dictionary<string, string> { ["market"] = "VN" }, "up", [], "VN queues slow down", [new IncidentEffect("human_decision_volume", "down")]);

    private static Alert Alert(long id, string subject, string segment, DateOnly first, string? explanation = null, AlertKind kind = AlertKind.Metric) =>
        new(id, new AlertFinding(kind, subject, segment, first, first, AlertSeverity.Warning, 1, 0.7, "seasonal_robust_z", "m") { Explanation = explanation },
            AlertStatus.New, null, false, null, null, DateTime.UtcNow);

    [Fact]
    public void An_alert_matches_when_metric_days_and_segment_agree()
    {
        var alerts = new[]
        {
            Alert(1, "tat_p50_hours", "market=VN", Start),                    // the incident itself
            Alert(2, "tat_p50_hours", "", Start.AddDays(1)),                  // the total: contains VN
            Alert(3, "tat_p50_hours", "region=SEA", Start),                   // VN is in SEA (reference/markets.csv)
            Alert(4, "tat_p50_hours", "decided_by=human;market=VN", Start),   // a slice of VN
            Alert(5, "tat_p50_hours", "market=TH", Start),                    // another market
            Alert(6, "tat_p50_hours", "region=EU", Start),                    // a region without VN
            Alert(7, "qa_accuracy", "market=VN", Start),                      // a metric the incident does not move
            Alert(8, "tat_p50_hours", "market=VN", Start.AddDays(-2)),        // started before the incident
            Alert(9, "tat_p50_hours", "market=VN", Start.AddDays(3 + IncidentMatcher.LateDays + 1)), // too late
        };

        var matched = _matcher.Matches(TatSurge(), alerts).Select(a => a.Id);

        Assert.Equal([1L, 2, 3, 4], matched);
    }

    [Fact]
    public void An_alert_on_a_consequence_is_a_correct_alert_but_does_not_detect_the_incident()
    {
        var volume = Alert(1, "human_decision_volume", "market=VN", Start);        // the surge's consequence
        var siteVolume = Alert(2, "volume:decisions", "site=KUL-ALPHA", Start, kind: AlertKind.Data); // a data alert on volume
        var otherMarket = Alert(3, "human_decision_volume", "market=TH", Start);   // a consequence elsewhere

        Assert.Empty(_matcher.Matches(TatSurge(), [volume, siteVolume, otherMarket]));
        Assert.True(_matcher.Explains(TatSurge(), volume));
        // The surge does not move decision volume, so the volume check's alert is not explained by it.
        Assert.False(_matcher.Explains(TatSurge(), siteVolume));
        Assert.False(_matcher.Explains(TatSurge(), otherMarket));
    }

    [Fact]
    public void The_representative_is_the_broadest_alert_on_the_incident_dimensions_and_its_root_causes_follow_its_own_segment()
    {
        var explanation = new AlertExplanation("tat_p50_hours", "", Start, Start, 4, 9.0, 3.0,
            [
                new ExplainedCause(new Dictionary<string, string> { ["site"] = "KUL-ALPHA" }, 0.5, 1, 1, null, null),
                new ExplainedCause(new Dictionary<string, string> { ["market"] = "VN" }, 0.3, 1, 1, null, null),
            ], null).ToJson();
        var total = Alert(2, "tat_p50_hours", "", Start, explanation);
        var vn = Alert(1, "tat_p50_hours", "market=VN", Start);

        var th = Alert(3, "tat_p50_hours", "site=KUL-ALPHA", Start);
        var representative = IncidentMatcher.Representative(TatSurge(), [th, vn, total]);

        Assert.Same(total, representative);
        // The total has no segment of its own, so the causes rank 1 (KUL-ALPHA) and 2 (VN).
        Assert.Equal(2, IncidentMatcher.RootCauseRank(TatSurge(), total));
        Assert.Equal(1, IncidentMatcher.RootCauseRank(TatSurge(), vn));
    }

    [Fact]
    public void A_narrower_alert_held_under_the_total_ranks_after_the_causes()
    {
        var drift = new Incident("INC-01", IncidentKinds.ModelDrift, Start, Start, ["qa_accuracy"],
            new Dictionary<string, string> { ["decided_by"] = "automated", ["policy_id"] = "counterfeit" }, "down", [], "drift", []);
        var explanation = new AlertExplanation("qa_accuracy", "", Start, Start, 4, 0.93, 0.97,
            [new ExplainedCause(new Dictionary<string, string> { ["object_type"] = "listing" }, 0.4, 1, 1, null, null)], null)
        {
            Within = [new NarrowerAlert("detection_source=proactive_model", 0.93, 0.97, 0.9), new NarrowerAlert("decided_by=automated;policy=counterfeit", 0.76, 0.97, 0.86)],
        };
        var total = Alert(1, "qa_accuracy", "", Start, explanation.ToJson());

        // Candidates: listing (1), then the held alerts proactive_model (2), automated & counterfeit (3); the total has no own segment.
        Assert.Equal(3, IncidentMatcher.RootCauseRank(drift, total));
    }

    [Fact]
    public void A_mix_shift_is_found_through_the_segment_whose_weight_moved_most()
    {
        var mixShift = new Incident("INC-02", IncidentKinds.MixShift, Start, Start.AddDays(6), ["automation_rate"],
            new Dictionary<string, string> { ["market"] = "BR" }, "down", [], "BR volume up", []);
        var split = new MixRateSplit("market", -0.02, -0.019, -0.001, [new MixRateSegment("BR", 0.05, 0.12, 0.6, 0.6, -0.019, 0.0)]);
        var alert = Alert(1, "automation_rate", "", Start, new AlertExplanation("automation_rate", "", Start, Start, 4, 0.79, 0.81, [], split).ToJson());

        Assert.Equal(1, IncidentMatcher.RootCauseRank(mixShift, alert));
    }

    [Fact]
    public void A_redelivery_matches_the_file_alert_that_names_its_day_whenever_the_file_was_loaded()
    {
        var redelivery = new Incident("INC-06", IncidentKinds.DuplicateRedelivery, Start, Start, ["decision_volume"],
            new Dictionary<string, string>(), "up", [], "a day delivered twice", []);
        var file = Alert(1, "quarantine_rate:decisions", "file=decisions-2026-10-19.csv", Start.AddDays(30), kind: AlertKind.Data);
        var otherFile = Alert(2, "quarantine_rate:decisions", "file=decisions-2026-10-20.csv", Start, kind: AlertKind.Data);

        Assert.Equal([1L], _matcher.Matches(redelivery, [file, otherFile]).Select(a => a.Id));
    }

    [Fact]
    public void Policy_id_in_the_incident_file_is_the_policy_dimension()
    {
        var drift = new Incident("INC-01", IncidentKinds.ModelDrift, Start, Start, ["under_enforcement_rate"],
            new Dictionary<string, string> { ["decided_by"] = "automated", ["policy_id"] = "counterfeit" }, "up", [], "drift", []);

        Assert.Equal(1, IncidentMatcher.RootCauseRank(drift, Alert(1, "under_enforcement_rate", "decided_by=automated;policy=counterfeit", Start)));
        Assert.Null(IncidentMatcher.RootCauseRank(drift, Alert(2, "under_enforcement_rate", "policy=counterfeit", Start)));
    }
}
