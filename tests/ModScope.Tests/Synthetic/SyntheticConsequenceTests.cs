namespace ModScope.Tests.Synthetic;

/// <summary>
/// Every consequence an incident lists in incidents.json (a metric its mechanism also moves) must be visible in the raw
/// files: the metric over the rows the consequence concerns, on the incident's days (by file day, i.e. decision day),
/// against the 14 days before it, moves the listed way beyond noise.
/// </summary>
[Collection(IncidentDataSetCollection.Name)]
public sealed class SyntheticConsequenceTests(IncidentDataSetFixture fixture)
{
    private const int DaysBefore = 14;

    private SyntheticDataSet Data => fixture.Data;

    [Fact]
    public void Generator_WithIncidents_ListsConsequencesOnlyOnMetricsTheIncidentIsNotAbout()
    {
        Assert.Contains(Data.Incidents, i => i.Consequences.Count > 0);
        foreach (var incident in Data.Incidents)
        {
            Assert.All(incident.Consequences, c => Assert.DoesNotContain(c.Metric, incident.Metrics));
            Assert.All(incident.Consequences, c => Assert.Contains(c.Direction, new[] { "up", "down" }));
        }
    }

    [Fact]
    public void Generator_WithIncidents_MakesEveryListedConsequenceVisibleInTheRawFiles()
    {
        foreach (var incident in Data.Incidents)
        {
            foreach (var (metric, direction) in incident.Consequences)
            {
                var rows = RowsOf(incident, metric);
                var inside = rows.Where(d => incident.Covers(d.FileDate)).ToArray();
                var before = rows.Where(d => d.FileDate < incident.Start && d.FileDate >= incident.Start.AddDays(-DaysBefore)).ToArray();
                var up = direction == "up";
                switch (metric)
                {
                    case "human_decision_volume":
                        AssertVolumeMoved(incident, metric, up, inside.Count(d => d.IsHuman), before.Count(d => d.IsHuman));
                        break;
                    case "qa_audit_volume":
                        AssertVolumeMoved(incident, metric, up, AuditsOf(inside), AuditsOf(before));
                        break;
                    case "backlog_end_of_period":
                        AssertVolumeMoved(incident, metric, up, DaysOf(incident).Sum(d => DecisionRecord.OpenAt(rows, d)),
                            Enumerable.Range(1, DaysBefore).Sum(k => DecisionRecord.OpenAt(rows, incident.Start.AddDays(-k))));
                        break;
                    case "enforcement_rate":
                        AssertRateMoved(incident, metric, up, inside, before, d => d.IsEnforcement);
                        break;
                    case "automation_rate":
                        AssertRateMoved(incident, metric, up, inside, before, d => !d.IsHuman);
                        break;
                    case "proactive_detection_rate":
                        AssertRateMoved(incident, metric, up, inside.Where(d => d.IsEnforcement).ToArray(), before.Where(d => d.IsEnforcement).ToArray(),
                            d => d.Source == "proactive_model");
                        break;
                    default:
                        Assert.Fail($"No visibility check for consequence '{metric}' of {incident.Id}.");
                        break;
                }
            }
        }
    }

    /// <summary>First audits of the decisions (a double audit counts once, as the sample drew the decision once).</summary>
    private int AuditsOf(IReadOnlyCollection<DecisionRecord> decisions)
    {
        var ids = decisions.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return Data.Audits.Count(a => a.AuditId.EndsWith("-1", StringComparison.Ordinal) && ids.Contains(a.DecisionId));
    }

    private static IEnumerable<DateOnly> DaysOf(IncidentTruth incident) =>
        Enumerable.Range(0, incident.End.DayNumber - incident.Start.DayNumber + 1).Select(incident.Start.AddDays);

    /// <summary>
    /// The decisions a consequence is measured on: the incident's segment; for a site's missing day, the site's market
    /// (the site's own rows are gone); for the proactive share under model drift, all of the policy's decisions (the
    /// automated enforcements that vanish are the proactively found ones, so the share falls across the policy).
    /// </summary>
    private DecisionRecord[] RowsOf(IncidentTruth incident, string metric)
    {
        var segment = new Dictionary<string, string>(incident.Segment);
        if (incident.Kind == "missing_site_day")
        {
            var site = segment["site"];
            segment = new Dictionary<string, string>
            {
                ["market"] = Data.Decisions.Where(d => d.Site == site).GroupBy(d => d.Market).MaxBy(g => g.Count())!.Key,
            };
        }
        if (metric == "proactive_detection_rate")
        {
            segment.Remove("decided_by");
        }

        return Data.Decisions.Where(d => segment.All(p => ValueOf(d, p.Key) == p.Value)).ToArray();
    }

    private static string ValueOf(DecisionRecord d, string column) => column switch
    {
        "market" => d.Market,
        "site" => d.Site,
        "policy_id" => d.Policy,
        "decided_by" => d.DecidedBy,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "No such segment column in the test."),
    };

    /// <summary>Per day inside against before (decisions, audits or open items): at least 10% the listed way.</summary>
    private static void AssertVolumeMoved(IncidentTruth incident, string metric, bool up, int inside, int before)
    {
        var days = incident.End.DayNumber - incident.Start.DayNumber + 1;
        var ratio = inside / (double)days / (before / (double)DaysBefore);
        Assert.True(up ? ratio >= 1.1 : ratio <= 0.9, $"{incident.Id} {metric}: {ratio:0.00}× the daily volume before, expected {(up ? "up" : "down")}.");
    }

    /// <summary>
    /// A share inside against before: the chance of the inside count under no change (binomial tail) below 5%. Knock-on
    /// moves are smaller than the incidents' own (drift removes a few points of proactive share), and this small data
    /// set (3,000 decisions a day) holds a few hundred of a policy's enforcements in the window.
    /// </summary>
    private static void AssertRateMoved(IncidentTruth incident, string metric, bool up, DecisionRecord[] inside, DecisionRecord[] before, Func<DecisionRecord, bool> hit)
    {
        var insideHits = inside.Count(d => up ? hit(d) : !hit(d));
        var beforeHits = before.Count(d => up ? hit(d) : !hit(d));
        var chance = ProportionTest.ChanceOfRise(insideHits, inside.Length, beforeHits, before.Length);
        Assert.True(chance < 0.05,
            $"{incident.Id} {metric}: {inside.Count(hit)} of {inside.Length} inside vs {before.Count(hit)} of {before.Length} before, expected {(up ? "up" : "down")} (chance {chance:G2}).");
    }
}
