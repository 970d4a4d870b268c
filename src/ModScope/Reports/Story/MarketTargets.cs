using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.Reports.Story;

/// <summary>
/// A regional report's markets against their own targets: for each ranking metric whose target differs between the
/// region's markets (a targets file's or the catalogue's <c>targets:</c> rows per market, <see cref="SegmentTargets"/> as
/// in force on the period's last day), each market's value against its market's target, met, missed or (a sampled value
/// whose interval straddles it) too close to call. Without per-market targets there is no section: the ranking already
/// judges every market against the region's one target.
/// </summary>
public static class MarketTargets
{
    public static StorySection? Build(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var set = ReportSets.By("market");
        var rows = data.Rows(set).Where(r => r.Dimensions.GetValueOrDefault("market") is not null).ToList();
        var markets = rows.Select(r => r.Dimensions["market"]!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var lastDay = DateOnly.FromDateTime(data.Scope.Period.End.AddDays(-1));
        var judged = new List<(string Market, MetricDefinition Metric, MetricResult Row, TargetStatus Status)>();
        foreach (var metric in data.Catalog.Roles.ReportRanking.Select(data.Catalog.Metric).Where(m => m.Direction != MetricDirection.Neutral))
        {
            var own = markets.ToDictionary(m => m, m => SegmentTargets.For(metric, new Dictionary<string, string> { ["market"] = m }, lastDay, data.Reference),
                StringComparer.Ordinal);
            if (own.Values.All(t => t == metric.Target))
            {
                continue;
            }
            foreach (var market in markets)
            {
                if (own[market] is not { } target || rows.FirstOrDefault(r => r.Metric == metric.Id && r.Dimensions["market"] == market) is not { Value: not null } row)
                {
                    continue;
                }
                var mine = metric with { Target = target };
                judged.Add((market, mine, row, Thresholds.Judged(mine, row)));
            }
        }
        if (judged.Count == 0)
        {
            return null;
        }
        var table = new FactTable("table.market_targets", ["col.market", "col.metric", "col.period", "col.target", "col.vs_target"],
            judged.Select(j => (IReadOnlyList<FactArg>)
            [
                FactArg.Member("market", j.Market), FactArg.Name(j.Metric.Id), FactArg.Estimate(j.Metric.Id, j.Row),
                FactArg.Value(j.Metric.Id, j.Metric.Target), FactArg.Word(StatusWord(j.Status)),
            ]).ToList(), set);
        var facts = new List<Fact>
        {
            Fact.Of("market_targets.summary", set, ("met", FactArg.Count(judged.Count(j => j.Status == TargetStatus.Met))),
                ("total", FactArg.Count(judged.Count))),
        };
        facts.AddRange(judged.Where(j => j.Status == TargetStatus.Missed).Select(j => Fact.Of("market_targets.missed", set,
            ("market", FactArg.Member("market", j.Market)), ("metric", FactArg.Name(j.Metric.Id)), ("value", FactArg.Value(j.Metric.Id, j.Row.Value)),
            ("target", FactArg.Value(j.Metric.Id, j.Metric.Target)))));
        return new StorySection(SectionKind.MarketTargets, facts, [table]);
    }

    private static string StatusWord(TargetStatus status) => status switch
    {
        TargetStatus.Met => "status.met",
        TargetStatus.Missed => "status.missed",
        _ => "status.undetermined",
    };
}
