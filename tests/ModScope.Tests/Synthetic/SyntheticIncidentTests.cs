namespace ModScope.Tests.Synthetic;

/// <summary>
/// Every incident listed in incidents.json must be visible in the raw files by a plain computation that
/// compares the incident's segment inside its window with the same segment outside it.
/// </summary>
[Collection(IncidentDataSetCollection.Name)]
public sealed class SyntheticIncidentTests(IncidentDataSetFixture fixture)
{
    private static readonly string[] KnownMetrics =
    [
        "decision_volume", "human_decision_volume", "automation_rate", "qa_accuracy", "over_enforcement_rate",
        "under_enforcement_rate", "tat_p50_hours", "tat_p90_hours", "sla_attainment", "backlog_end_of_period",
    ];

    private SyntheticDataSet Data => fixture.Data;

    [Fact]
    public void Generator_WithIncidents_ListsEachKindOnceWithKnownMetricsInTheSecondHalf()
    {
        var kinds = Data.Incidents.Select(i => i.Kind).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["duplicate_redelivery", "fp_spike", "missing_site_day", "mix_shift", "model_drift", "tat_surge"], kinds);
        var first = Data.Dates.First();
        var midpoint = first.AddDays(DataSetFixture.Days / 2);
        foreach (var incident in Data.Incidents)
        {
            Assert.True(incident.Start >= midpoint, $"{incident.Id} starts {incident.Start}, before the second half ({midpoint}).");
            Assert.True(incident.End >= incident.Start && incident.End <= Data.Dates.Last());
            var length = incident.End.DayNumber - incident.Start.DayNumber + 1;
            Assert.InRange(length, 1, 7);
            Assert.All(incident.Metrics, m => Assert.Contains(m, KnownMetrics));
            Assert.Equal(incident.Effects.Select(e => e.Metric), incident.Metrics);
            Assert.All(incident.Effects, e => Assert.Contains(e.Direction, new[] { "up", "down" }));
            Assert.Equal(incident.Effects[0].Direction, incident.Direction);
            Assert.False(string.IsNullOrWhiteSpace(incident.Description));
        }

        Assert.Equal(fixture.Summary.Incidents.Select(i => i.Id), Data.Incidents.Select(i => i.Id));
    }

    [Fact]
    public void Generator_WithIncidents_MakesEveryListedIncidentVisibleInTheRawFiles()
    {
        foreach (var incident in Data.Incidents)
        {
            switch (incident.Kind)
            {
                case "fp_spike": AssertFalsePositiveSpike(incident); break;
                case "tat_surge": AssertTurnaroundSurge(incident); break;
                case "model_drift": AssertModelDrift(incident); break;
                case "mix_shift": AssertMixShift(incident); break;
                case "missing_site_day": AssertMissingSiteDay(incident); break;
                case "duplicate_redelivery": AssertRedelivery(incident); break;
                default: Assert.Fail($"No visibility check for incident kind '{incident.Kind}'."); break;
            }
        }
    }

    [Fact]
    public void Generator_WithIncidents_SeparatesIncidentsThatMoveTheSameMetrics()
    {
        var quality = Data.Incidents.Where(i => i.Kind is "fp_spike" or "model_drift").ToArray();
        var volume = Data.Incidents.Where(i => i.Kind is "tat_surge" or "mix_shift" or "missing_site_day" or "duplicate_redelivery").ToArray();
        foreach (var lane in new[] { quality, volume })
        {
            foreach (var a in lane)
            {
                foreach (var b in lane.Where(b => b != a))
                {
                    Assert.True(a.End < b.Start || b.End < a.Start, $"{a.Id} ({a.Kind}) overlaps {b.Id} ({b.Kind}).");
                }
            }
        }
    }

    /// <summary>False positives among audited enforcements at the site: much higher inside the window.</summary>
    private void AssertFalsePositiveSpike(IncidentTruth incident)
    {
        var site = incident.Segment["site"];
        var audits = Data.Audits.Where(a => a.AuditId.EndsWith("-1", StringComparison.Ordinal) && a.StratumParts[1] == site && a.StratumParts[2] == "enforce").ToArray();
        var inside = audits.Where(a => incident.Covers(a.StratumDate)).ToArray();
        var outside = audits.Where(a => !incident.Covers(a.StratumDate)).ToArray();
        var fpInside = Share(inside, a => a.ErrorType == "false_positive");
        var fpOutside = Share(outside, a => a.ErrorType == "false_positive");
        var chance = ProportionTest.ChanceOfRise(inside.Count(a => a.ErrorType == "false_positive"), inside.Length, outside.Count(a => a.ErrorType == "false_positive"), outside.Length);
        Assert.True(fpInside >= 0.10 && fpInside >= 2.5 * fpOutside && chance < 0.001,
            $"fp_spike at {site}: FP share {fpInside:P1} of {inside.Length} inside vs {fpOutside:P1} outside (chance under no change {chance:G2}).");
        Assert.True(Share(inside, a => a.ErrorType == "none") < Share(outside, a => a.ErrorType == "none") - 0.05, "QA accuracy at the site should drop.");
    }

    /// <summary>Human turnaround in the market for items created in the window: median far higher, SLA lower, backlog up.</summary>
    private void AssertTurnaroundSurge(IncidentTruth incident)
    {
        var market = incident.Segment["market"];
        var sla = ModScope.Model.ReferenceData.Shipped.Queues.ToDictionary(q => q.QueueId, q => q.SlaHours);
        var human = Data.Decisions.Where(d => d.IsHuman && d.Market == market).ToArray();
        var inside = human.Where(d => incident.Covers(d.CreatedDate)).ToArray();
        var before = human.Where(d => d.CreatedDate < incident.Start).ToArray();
        var medianInside = Median(inside.Select(d => d.TatHours));
        var medianBefore = Median(before.Select(d => d.TatHours));
        Assert.True(medianInside >= 2.5 * medianBefore, $"tat_surge in {market}: median TAT {medianInside:0.0} h inside vs {medianBefore:0.0} h before.");
        var slaInside = Share(inside, d => d.TatHours <= sla[d.Queue]);
        var slaBefore = Share(before, d => d.TatHours <= sla[d.Queue]);
        Assert.True(slaInside < slaBefore - 0.15, $"SLA attainment {slaInside:P1} inside vs {slaBefore:P1} before.");

        double backlogInside = DecisionRecord.OpenAt(human, incident.End);
        var backlogBefore = Enumerable.Range(1, 5).Average(k => DecisionRecord.OpenAt(human, incident.Start.AddDays(-k)));
        Assert.True(backlogInside >= 1.5 * backlogBefore, $"Backlog {backlogInside} at the end of the surge vs {backlogBefore:0} before.");
    }

    /// <summary>Automated decisions under the policy: audited approvals hide many more misses, and enforcement falls.</summary>
    private void AssertModelDrift(IncidentTruth incident)
    {
        var policy = incident.Segment["policy_id"];
        Assert.Equal("automated", incident.Segment["decided_by"]);
        var decisions = Data.Decisions.Where(d => d.DecidedBy == "automated" && d.Policy == policy).ToDictionary(d => d.Id);
        var approvalsAudited = Data.Audits
            .Where(a => a.AuditId.EndsWith("-1", StringComparison.Ordinal) && decisions.TryGetValue(a.DecisionId, out var d) && !d.IsEnforcement)
            .Select(a => (Audit: a, Decision: decisions[a.DecisionId])).ToArray();
        var inside = approvalsAudited.Where(x => incident.Covers(x.Decision.FileDate)).ToArray();
        var outside = approvalsAudited.Where(x => !incident.Covers(x.Decision.FileDate)).ToArray();
        var missInside = Share(inside, x => x.Audit.ErrorType == "false_negative");
        var missOutside = Share(outside, x => x.Audit.ErrorType == "false_negative");
        var chance = ProportionTest.ChanceOfRise(inside.Count(x => x.Audit.ErrorType == "false_negative"), inside.Length, outside.Count(x => x.Audit.ErrorType == "false_negative"), outside.Length);
        Assert.True(missInside >= 0.12 && missInside >= 3 * missOutside && chance < 0.001,
            $"model_drift on {policy}: misses among {inside.Length} audited approvals {missInside:P1} inside vs {missOutside:P1} outside (chance under no change {chance:G2}).");

        var enforceInside = Share(decisions.Values.Where(d => incident.Covers(d.FileDate)).ToArray(), d => d.IsEnforcement);
        var enforceOutside = Share(decisions.Values.Where(d => !incident.Covers(d.FileDate)).ToArray(), d => d.IsEnforcement);
        Assert.True(enforceInside < 0.75 * enforceOutside, $"Automated enforcement of {policy}: {enforceInside:P1} inside vs {enforceOutside:P1} outside.");
    }

    /// <summary>The market's share of volume roughly doubles while its own automation rate stays put; the total falls.</summary>
    private void AssertMixShift(IncidentTruth incident)
    {
        var market = incident.Segment["market"];
        var inside = Data.Decisions.Where(d => incident.Covers(d.CreatedDate)).ToArray();
        var outside = Data.Decisions.Where(d => !incident.Covers(d.CreatedDate) && d.CreatedDate >= Data.Dates.First()).ToArray();
        var shareInside = Share(inside, d => d.Market == market);
        var shareOutside = Share(outside, d => d.Market == market);
        Assert.True(shareInside >= 1.8 * shareOutside, $"mix_shift to {market}: share {shareInside:P1} inside vs {shareOutside:P1} outside.");

        var marketInside = inside.Where(d => d.Market == market).ToArray();
        var marketOutside = outside.Where(d => d.Market == market).ToArray();
        var autoInside = Share(marketInside, d => !d.IsHuman);
        var autoOutside = Share(marketOutside, d => !d.IsHuman);
        var pooled = Share(marketInside.Concat(marketOutside).ToArray(), d => !d.IsHuman);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / marketInside.Length) + (1.0 / marketOutside.Length)));
        Assert.True(Math.Abs(autoInside - autoOutside) <= 3.5 * standardError,
            $"{market}'s own automation rate moved beyond noise: {autoInside:P1} inside vs {autoOutside:P1} outside (standard error {standardError:P1}).");

        // Mix component of the change in total automation (DOMAIN.md 1.10): Σ_m (W'_m − W_m) · p_m with outside rates p_m.
        var mixEffect = inside.GroupBy(d => d.Market).Sum(g =>
        {
            var before = outside.Where(d => d.Market == g.Key).ToArray();
            var weightChange = (g.Count() / (double)inside.Length) - (before.Length / (double)outside.Length);
            return weightChange * Share(before, d => !d.IsHuman);
        });
        Assert.True(mixEffect <= -0.005, $"The mix shift toward {market} should pull total automation down; mix component {mixEffect:P2}.");
    }

    /// <summary>No decisions and no staffing for the site that day, while the days around it have both.</summary>
    private void AssertMissingSiteDay(IncidentTruth incident)
    {
        var site = incident.Segment["site"];
        Assert.Equal(incident.Start, incident.End);
        int Decided(DateOnly date) => Data.Decisions.Count(d => d.FileDate == date && d.Site == site);
        int Staffed(DateOnly date) => Data.Staffing.Count(s => s.Date == date && s.Site == site);
        Assert.Equal(0, Decided(incident.Start));
        Assert.Equal(0, Staffed(incident.Start));
        foreach (var neighbour in new[] { incident.Start.AddDays(-1), incident.Start.AddDays(1) })
        {
            Assert.True(Decided(neighbour) > 0 && Staffed(neighbour) > 0, $"{site} should have decisions and staffing on {neighbour}.");
        }

        var otherSites = Data.Decisions.Where(d => d.FileDate == incident.Start && d.IsHuman).Select(d => d.Site).Distinct().Count();
        Assert.Equal(ModScope.Model.ReferenceData.Shipped.Sites.Count - 1, otherSites);
    }

    /// <summary>The re-delivered file holds exactly the day's rows, in another order.</summary>
    private void AssertRedelivery(IncidentTruth incident)
    {
        Assert.Empty(incident.Segment);
        Assert.Equal(incident.Start, incident.End);
        var original = Data.DayFiles["decisions"][incident.Start];
        var redelivered = Assert.Single(Data.Redeliveries).Value;
        Assert.EndsWith($"decisions-{incident.Start:yyyy-MM-dd}-redelivery.csv", redelivered, StringComparison.Ordinal);

        var originalLines = File.ReadAllLines(original);
        var redeliveredLines = File.ReadAllLines(redelivered);
        Assert.Equal(originalLines[0], redeliveredLines[0]);
        Assert.NotEqual(originalLines.Skip(1), redeliveredLines.Skip(1));
        Assert.Equal(originalLines.Skip(1).Order(StringComparer.Ordinal), redeliveredLines.Skip(1).Order(StringComparer.Ordinal));
        Assert.NotEqual(File.ReadAllBytes(original), File.ReadAllBytes(redelivered));
    }

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) =>
        items.Count == 0 ? 0 : items.Count(predicate) / (double)items.Count;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}
