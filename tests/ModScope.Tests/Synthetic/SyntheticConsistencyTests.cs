using System.Text;
using ModScope.Model;

namespace ModScope.Tests.Synthetic;

/// <summary>
/// The files obey the event model and refer to each other consistently, even with incidents planted:
/// schema columns, ids, routing, moderators on the roster, audits and appeals after their decision.
/// </summary>
[Collection(IncidentDataSetCollection.Name)]
public sealed class SyntheticConsistencyTests(IncidentDataSetFixture fixture)
{
    private SyntheticDataSet Data => fixture.Data;

    [Fact]
    public void Generator_WritesOneCsvPerTablePerDayWithTheSchemaHeaderAndNoBom()
    {
        var expectedDates = Enumerable.Range(0, DataSetFixture.Days).Select(i => new DateOnly(2026, 8, 24).AddDays(i)).ToArray();
        foreach (var table in EventSchema.All)
        {
            Assert.Equal(expectedDates, Data.DayFiles[table.Name].Keys);
            foreach (var path in Data.DayFiles[table.Name].Values)
            {
                var bytes = File.ReadAllBytes(path);
                Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, $"{path} starts with a BOM.");
                Assert.DoesNotContain((byte)'\r', bytes);
                var header = Encoding.UTF8.GetString(bytes).Split('\n')[0];
                Assert.Equal(string.Join(",", table.Columns.Select(c => c.Name)), header);
            }
        }

        // Day files, re-deliveries, incidents.json and opportunities.json.
        Assert.Equal(4 * DataSetFixture.Days + Data.Redeliveries.Count + 2, fixture.Summary.Files.Count);
        Assert.All(fixture.Summary.Files, f => Assert.True(File.Exists(f), f));
        Assert.Equal(Data.Decisions.Count + Data.Decisions.Count(d => Data.Redeliveries.ContainsKey(d.FileDate)), fixture.Summary.RowsPerTable["decisions"]);
        Assert.Equal(Data.Audits.Count, fixture.Summary.RowsPerTable["qa_audits"]);
        Assert.Equal(Data.Appeals.Count, fixture.Summary.RowsPerTable["appeals"]);
        Assert.Equal(Data.Staffing.Count, fixture.Summary.RowsPerTable["staffing"]);
    }

    [Fact]
    public void Generator_Decisions_HaveUniqueIdsAndFollowTheEventModel()
    {
        var reference = ReferenceData.Shipped;
        var markets = reference.Markets.ToDictionary(m => m.Code);
        var queues = reference.Queues.ToDictionary(q => q.QueueId);
        var leaves = reference.Policies.Where(p => p.IsLeaf).Select(p => p.PolicyId).ToHashSet();
        Assert.Equal(Data.Decisions.Count, Data.Decisions.Select(d => d.Id).Distinct().Count());
        Assert.All(Data.Decisions, d =>
        {
            Assert.Matches(@"^D\d{8}-\d{6}$", d.Id);
            Assert.Equal(d.FileDate, DateOnly.FromDateTime(d.DecidedAt));
            Assert.True(d.DecidedAt >= d.CreatedAt);
            Assert.Equal(markets[d.Market].Language, d.Language);
            Assert.Equal(d.Market, queues[d.Queue].Market);
            Assert.Equal(d.ObjectType, queues[d.Queue].ObjectType);
            Assert.Contains(d.Policy, leaves);
            Assert.Equal("1", d.Version);
            Assert.Equal(d.IsHuman, d.Moderator.Length > 0);
            Assert.Equal(d.IsHuman, d.Site.Length > 0);
            if (d.IsHuman)
            {
                Assert.StartsWith(d.Site + "-m", d.Moderator, StringComparison.Ordinal);
            }

            Assert.True(d.Verdict != "reject_listing" || d.ObjectType == "listing", $"{d.Id}: reject_listing on a {d.ObjectType}.");
            Assert.True(d.Verdict != "suspend_seller" || d.ObjectType is "seller" or "shop", $"{d.Id}: suspend_seller on a {d.ObjectType}.");
            Assert.True(d.Source != "regulator_notice" || markets[d.Market].Region == "EU", $"{d.Id}: regulator notice outside the EU.");
        });
    }

    [Fact]
    public void Generator_HumanDecisions_NameModeratorsStaffedThatDayAtThatSite()
    {
        var staffed = Data.Staffing.Select(s => (s.Date, s.Site, s.Moderator)).ToHashSet();
        Assert.All(Data.Decisions.Where(d => d.IsHuman), d => Assert.Contains((d.FileDate, d.Site, d.Moderator), staffed));
        Assert.Equal(Data.Staffing.Count, staffed.Count);
        Assert.All(Data.Staffing, s =>
        {
            Assert.Equal(s.FileDate, s.Date);
            // Shifts of 8 or 4 hours at every site (the planted understaffed site's shortfall is for a peak after the data).
            Assert.Contains(s.Scheduled, new[] { 4.0, 8.0 });

            Assert.InRange(s.Productive, 0.01, s.Scheduled);
        });
    }

    [Fact]
    public void Generator_QaAudits_SampleEarlierDecisionsByStratumWithConsistentVerdicts()
    {
        var decisions = Data.Decisions.ToDictionary(d => d.Id);
        Assert.Equal(Data.Audits.Count, Data.Audits.Select(a => a.AuditId).Distinct().Count());
        Assert.All(Data.Audits, a =>
        {
            Assert.True(decisions.TryGetValue(a.DecisionId, out var d), $"{a.AuditId} audits unknown decision {a.DecisionId}.");
            Assert.True(d!.FileDate <= a.FileDate);
            Assert.InRange(a.FileDate.DayNumber - d.FileDate.DayNumber, 1, 3);
            Assert.Equal(a.FileDate, DateOnly.FromDateTime(a.AuditedAt));
            // The planted automation candidate's decisions carry their cell as a fourth part (not in the over-sampled stratum).
            var stratum = $"{d.FileDate:yyyy-MM-dd}|{(d.IsHuman ? d.Site : "automated")}|{(d.IsEnforcement ? "enforce" : "approve")}";
            var inCell = $"{d.Policy}/{d.Queue}" == Data.AutomationCell && !(d.IsHuman && d.Site == Data.OverSampledSite && d.IsEnforcement);
            Assert.Equal(inCell ? $"{stratum}|{Data.AutomationCell}" : stratum, a.Stratum);
            Assert.InRange(a.SampleSize, 1, a.Population);
            Assert.Equal(a.QaVerdict == "approve", a.QaPolicy.Length == 0);
            var expected = a.ErrorType switch
            {
                "none" => a.QaVerdict == d.Verdict && (d.IsEnforcement ? a.QaPolicy == d.Policy : a.QaPolicy.Length == 0),
                "false_positive" => d.IsEnforcement && a.QaVerdict == "approve",
                "false_negative" => !d.IsEnforcement && a.QaVerdict != "approve",
                "wrong_policy" => d.IsEnforcement && a.QaVerdict == d.Verdict && a.QaPolicy != d.Policy,
                "wrong_action" => d.IsEnforcement && a.QaVerdict != d.Verdict && a.QaVerdict != "approve",
                "technical" => d.IsEnforcement && a.QaVerdict == d.Verdict,
                _ => false,
            };
            Assert.True(expected, $"{a.AuditId}: error_type {a.ErrorType} does not fit verdict {d.Verdict} -> {a.QaVerdict} ({d.Policy} -> {a.QaPolicy}).");
        });

        foreach (var stratum in Data.Audits.GroupBy(a => a.Stratum))
        {
            var sampled = stratum.Select(a => a.DecisionId).Distinct().Count();
            Assert.True(sampled <= stratum.First().SampleSize, $"{stratum.Key}: {sampled} decisions audited, sample size {stratum.First().SampleSize}.");
            Assert.Single(stratum.Select(a => (a.Population, a.SampleSize)).Distinct());
            var date = stratum.First().StratumDate;
            var parts = stratum.First().StratumParts;
            // The planted automation candidate's decisions are a stratum of their own (a fourth part naming policy/queue),
            // taken out of the day's stratum (not out of the over-sampled one, whose extra draws are of the whole stratum).
            var population = Data.Decisions.Count(d => d.FileDate == date && (d.IsHuman ? d.Site : "automated") == parts[1] && (d.IsEnforcement ? "enforce" : "approve") == parts[2]
                && (parts.Length == 4 ? $"{d.Policy}/{d.Queue}" == parts[3] : $"{d.Policy}/{d.Queue}" != Data.AutomationCell || parts[1..] is [var unit, "enforce"] && unit == Data.OverSampledSite));
            Assert.Equal(population, stratum.First().Population);
        }
    }

    [Fact]
    public void Generator_Appeals_FollowEnforcementsAndStayOpenOnlyPastTheEnd()
    {
        var decisions = Data.Decisions.ToDictionary(d => d.Id);
        var end = Data.Dates.Last().AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        Assert.Equal(Data.Appeals.Count, Data.Appeals.Select(a => a.DecisionId).Distinct().Count());
        Assert.All(Data.Appeals, a =>
        {
            Assert.True(decisions.TryGetValue(a.DecisionId, out var d), $"{a.AppealId} appeals unknown decision {a.DecisionId}.");
            Assert.True(d!.IsEnforcement);
            Assert.True(d.FileDate <= a.FileDate);
            Assert.Equal(a.FileDate, DateOnly.FromDateTime(a.FiledAt));
            Assert.InRange((a.FiledAt - d.DecidedAt).TotalDays, 0, 5);
            Assert.Equal(a.ResolvedAt is null, a.Outcome is null);
            if (a.ResolvedAt is { } resolved)
            {
                Assert.InRange((resolved - a.FiledAt).TotalDays, 1, 4);
                Assert.True(resolved < end);
                Assert.Contains(a.Outcome, new[] { "upheld", "overturned" });
            }
            else
            {
                Assert.True(a.FiledAt > end.AddDays(-4), $"{a.AppealId} is open but was filed long before the end.");
            }
        });
    }
}
