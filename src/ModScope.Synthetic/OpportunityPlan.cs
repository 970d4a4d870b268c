using ModScope.Planning.Workload;

namespace ModScope.Synthetic;

/// <summary>
/// The planted opportunities and how each one changes the generating process, over the whole range (a level, not a
/// change, so the monitor has nothing to detect): a site slower than its peers on the same mix, a site whose QA
/// over-samples its enforce stratum, a policy × queue where automated decisions are more accurate than elsewhere
/// and it is audited enough (automated and human decisions) to show it, and a site understaffed for the coming peak (planted only when the
/// calendar's next sized peak falls in the 28 days after the data: its shifts are set to <see cref="UnderstaffedHours"/>
/// scheduled hours per handling hour, a stated 5% margin above the planning targets, enough for usual days but not for the peak, see <see cref="OpportunityLedger"/>). With no plants every answer is neutral.
/// </summary>
/// <param name="SlowSite">The site whose handling times are <see cref="SlowFactor"/> times its peers'; null for none.</param>
/// <param name="QaSite">The site whose enforce stratum is audited <see cref="QaOverSampling"/> times as much; null for none.</param>
/// <param name="AutomatedPolicy">The automation candidate's policy; null for none.</param>
/// <param name="AutomatedQueue">The automation candidate's queue; null for none.</param>
/// <param name="UnderstaffedSite">The site rostered at <see cref="UnderstaffedHours"/> scheduled hours per handling hour; null for none.</param>
internal sealed record OpportunityPlan(string? SlowSite, string? QaSite, string? AutomatedPolicy = null, string? AutomatedQueue = null, string? UnderstaffedSite = null)
{
    /// <summary>The slow site's handling times over its peers' on the same object type (20% slower).</summary>
    public const double SlowFactor = 1.2;

    /// <summary>The over-sampled stratum's daily audits over the usual 20-30.</summary>
    public const int QaOverSampling = 3;

    /// <summary>
    /// The automation candidate's automated error shares over the automated model's elsewhere (a fifth): its automated
    /// decisions err about 0.7% of the time against about 4% for its human ones, so that a month of audits can show
    /// non-inferiority at a 1-point margin. The human side limits the test: a cell's human decisions number about 200 in
    /// 28 days at 8,000 decisions a day, all audited, so the human accuracy alone has a standard error of about 1.4
    /// points. At half the model's (about 1.7%, a 2-point gap) the finder's one-sided 90% test passed with a probability
    /// of about 0.8 (seed 41's month: human 97.8%, automated 97.4%, not admitted); at a fifth about 0.95.
    /// </summary>
    public const double AutomatedErrorFactor = 0.2;

    /// <summary>Audits a day of the candidate's decisions in each stratum, automated or a site's (all when fewer).</summary>
    public const int AutomationAudits = 12;

    /// <summary>The planning targets the plants are sized at: <c>modscope plan</c>'s defaults (85% occupancy, 20% shrinkage).</summary>
    public static readonly PlanningTargets Targets = new();

    /// <summary>
    /// The understaffed site's margin above the planning targets on every day: 5%, so a forecast a few percent high on
    /// usual days still finds them covered, and only the peak (×1.8 on its SEA work for three days) is short. (At 10% the
    /// margin carried a third or more of a small site's peak through the deadlines of the days after it, leaving truths of
    /// 0.9 h a week and less.)
    /// </summary>
    public const double UnderstaffedMargin = 0.05;

    /// <summary>
    /// The understaffed site's scheduled hours a day per hour of its handling work: the 1/(0.85 · 0.8) = 1.47 the planning
    /// targets ask for (85% occupancy, 20% shrinkage) plus <see cref="UnderstaffedMargin"/>, 1.54, on every day of the data
    /// (the roster follows the day's work), while the other sites roster whole moderators rounded up (1.5 to 2 and more at
    /// small sites): a stated margin, the same on every seed.
    /// </summary>
    public static readonly double UnderstaffedHours = (1 + UnderstaffedMargin) / (Targets.Occupancy * (1 - Targets.Shrinkage));

    public static OpportunityPlan None { get; } = new(null, null);

    /// <summary>
    /// The day's shifts at the site: the usual ones, or at the understaffed site each scaled in the same proportion to
    /// <see cref="UnderstaffedHours"/> × the day's handling hours in all (cut, or lengthened where whole moderators fall
    /// short of it), in quarter hours, at least 1 hour.
    /// </summary>
    public double[] Shifts(string site, double[] usual, double handlingHours)
    {
        if (site != UnderstaffedSite || usual.Length == 0)
        {
            return usual;
        }

        var scale = UnderstaffedHours * handlingHours / usual.Sum();
        return [.. usual.Select(h => Math.Max(1.0, Math.Round(h * scale * 4) / 4))];
    }

    public double HandlingFactor(SiteProfile site) => site.Id == SlowSite ? SlowFactor : 1.0;

    public bool IsOverSampled(string unit, bool enforce) => enforce && unit == QaSite;

    /// <summary>Whether the decision (automated or human) is one of the planted automation candidate's.</summary>
    public bool IsCandidate(SimDecision decision) => IsCell(decision.Policy.Id, decision.Queue.QueueId);

    /// <summary>Whether the policy × queue is the planted automation candidate.</summary>
    public bool IsCell(string policy, string queue) => AutomatedPolicy is not null && policy == AutomatedPolicy && queue == AutomatedQueue;

    /// <summary>The factor on automated error shares for a decision of the policy × queue.</summary>
    public double AutomatedErrorScale(string policy, string queue) => IsCell(policy, queue) ? AutomatedErrorFactor : 1.0;
}
