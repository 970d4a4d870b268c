using ModScope.Planning.Workload;

namespace ModScope.Planning.Opportunities;

/// <summary>Thresholds and costs the opportunity sizing uses (from <c>catalog/planning.yaml</c>).</summary>
public sealed record OpportunitySettings
{
    /// <summary>Confidence of sizes' intervals and of the tests that admit an opportunity.</summary>
    public double Confidence { get; init; } = 0.9;

    /// <summary>Non-inferiority margin: automation may be this much less accurate (0.01 = one point) and still count as as accurate.</summary>
    public double AutomationMargin { get; init; } = 0.01;

    /// <summary>
    /// Days of audits behind an automation candidate's two accuracies (its volume and handling time are the recent 28 days'):
    /// accuracy is a property of the process, slow to change, and a cell's human audits number about 200 a month at
    /// 8,000 decisions a day, too few to resolve a one-point margin; twice the days give √2 narrower bounds. Caveat: a model
    /// change inside the window is averaged in (the monitor's alerts on automated accuracy say when one happened).
    /// </summary>
    public int AccuracyDays { get; init; } = 56;

    /// <summary>Fewest effective audits on each side (automated, human) before accuracies are compared.</summary>
    public double MinimumAudits { get; init; } = 30;

    /// <summary>Fewest handling hours a week of human work for an automation candidate.</summary>
    public double MinimumHumanHours { get; init; } = 1.0;

    /// <summary>A site slower than its peers' median by at least this share is a productivity gap.</summary>
    public double ProductivityGap { get; init; } = 0.05;

    /// <summary>A unit whose handling time exceeds its peers' on the same mix by at least this share is an outlier.</summary>
    public double HandlingExcess { get; init; } = 0.25;

    /// <summary>Family-wise error rate of the handling-time outlier tests (Bonferroni over the units tested).</summary>
    public double HandlingAlpha { get; init; } = 0.05;

    /// <summary>Fewest decisions behind a handling-time unit.</summary>
    public double MinimumDecisions { get; init; } = 200;

    /// <summary>A QA design whose Neyman allocation saves at least this share of audits is worth re-allocating.</summary>
    public double QaSaving { get; init; } = 0.10;

    /// <summary>Minutes an audit takes.</summary>
    public double AuditMinutes { get; init; } = 6.0;

    /// <summary>Hourly cost of an auditor.</summary>
    public double AuditorHourlyCost { get; init; } = 25.0;

    /// <summary>Currency of every cost (ISO 4217).</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>Staffing targets: converting handling and productive hours to scheduled hours.</summary>
    public PlanningTargets Targets { get; init; } = new();

    /// <summary>Checks the settings, naming the first that is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public OpportunitySettings Validated()
    {
        Require(Confidence is > 0 and < 1, nameof(Confidence), "strictly between 0 and 1");
        Require(AutomationMargin is >= 0 and < 1, nameof(AutomationMargin), "in [0, 1)");
        Require(AccuracyDays >= 1, nameof(AccuracyDays), "at least 1");
        Require(MinimumAudits >= 1, nameof(MinimumAudits), "at least 1");
        Require(MinimumHumanHours >= 0, nameof(MinimumHumanHours), "zero or more");
        Require(ProductivityGap is >= 0 and < 1, nameof(ProductivityGap), "in [0, 1)");
        Require(HandlingExcess > 0, nameof(HandlingExcess), "positive");
        Require(HandlingAlpha is > 0 and < 1, nameof(HandlingAlpha), "strictly between 0 and 1");
        Require(MinimumDecisions >= 1, nameof(MinimumDecisions), "at least 1");
        Require(QaSaving is >= 0 and < 1, nameof(QaSaving), "in [0, 1)");
        Require(AuditMinutes > 0, nameof(AuditMinutes), "positive");
        Require(AuditorHourlyCost >= 0, nameof(AuditorHourlyCost), "zero or more");
        Require(Currency.Length == 3, nameof(Currency), "a three-letter ISO 4217 code");
        Targets.Validated();
        return this;
    }

    private static void Require(bool ok, string name, string rule)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, $"Opportunity setting {name} must be {rule}.");
        }
    }
}
