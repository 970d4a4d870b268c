using ModScope.Model;
using ModScope.Planning.Opportunities;
using ModScope.Query;

namespace ModScope.Planning;

/// <summary>
/// Reads the QA designs through the query door: per site (automated decisions are the site "(none)"), the enforce and
/// approve strata the QA sample is drawn from, each with its decisions (N_h), its audits (n_h) and its stratified
/// accuracy (the weighted correct audits over the weighted population of its verdicts).
/// </summary>
public sealed class QaDesignReader(PlanningReader reader, PlanningMetrics metrics)
{
    /// <summary>The strata's names: enforcement verdicts, and approvals.</summary>
    public const string Enforce = "enforce";

    public const string Approve = "approve";

    private static readonly string[] By = ["site", PlanningMetrics.Verdict];

    public async Task<IReadOnlyList<QaDomain>> ReadAsync(IReadOnlyList<DimensionFilter> filters, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var volume = metrics.Roles.Volume;
        var qa = metrics.Roles.QaRate;
        var rows = await reader.RunAsync([volume, qa], By, TimeGrain.None, filters, first, last, cancellationToken).ConfigureAwait(false);
        var weeks = (last.DayNumber - first.DayNumber + 1) / 7.0;
        var domains = new List<QaDomain>();
        foreach (var site in rows.GroupBy(r => r.Dimensions["site"] ?? "(none)", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var strata = site.GroupBy(r => Stratum(r.Dimensions[PlanningMetrics.Verdict]), StringComparer.Ordinal)
                .Select(g =>
                {
                    var audited = g.Where(r => r.Metric == qa && r.Denominator > 0).ToArray();
                    var weighted = audited.Sum(r => r.Denominator!.Value);
                    return new QaStratum(g.Key,
                        g.Where(r => r.Metric == volume).Sum(r => r.Value ?? 0.0),
                        audited.Sum(r => r.SampleSize ?? 0.0),
                        weighted > 0 ? audited.Sum(r => r.Numerator ?? 0.0) / weighted : 0.0);
                })
                .OrderBy(s => s.Name, StringComparer.Ordinal)
                .ToArray();
            domains.Add(new QaDomain(new Dictionary<string, string>(StringComparer.Ordinal) { ["site"] = site.Key }, weeks, strata));
        }

        return domains;
    }

    private static string Stratum(string? verdict) => verdict is not null && Vocabulary.EnforcementVerdicts.Contains(verdict) ? Enforce : Approve;
}
