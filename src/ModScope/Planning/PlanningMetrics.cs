using ModScope.Catalog;

namespace ModScope.Planning;

/// <summary>
/// The metrics planning reads through the query door, from the catalogue's roles (planning's optional ones, and the
/// volume, QA rate, staffing and backlog roles every catalogue fills).
/// </summary>
/// <param name="HumanVolume">A count of human decisions (the work to staff).</param>
/// <param name="HandlingTime">Mean handling seconds of a human decision.</param>
/// <param name="Staffing">A ratio of productive hours (numerator) over scheduled hours (denominator), from staffing.</param>
/// <param name="LabourCost">A ratio whose numerator is scheduled hours at their hourly cost.</param>
/// <param name="Roles">The catalogue's roles (volume, QA rate, staffing hours, backlog).</param>
public sealed record PlanningMetrics(string HumanVolume, string HandlingTime, string Staffing, string LabourCost, CatalogRoles Roles)
{
    /// <summary>The dimension telling human from automated decisions (the event schema's <c>decided_by</c>).</summary>
    public const string AutomatedBy = "decided_by";

    /// <summary>Its value on human decisions.</summary>
    public const string HumanValue = "human";

    /// <summary>The dimension of a decision's verdict (the event schema's <c>verdict</c>): QA strata are enforce and approve.</summary>
    public const string Verdict = "verdict";

    /// <summary>The sum of squared handling seconds of human decisions (optional role <c>handling_squares</c>): without it no handling-time outliers.</summary>
    public string? HandlingSquares { get; init; }

    /// <summary>Planning's metrics from <paramref name="roles"/>.</summary>
    /// <exception cref="PlanningException">The catalogue leaves out a role planning needs (the message names it).</exception>
    public static PlanningMetrics From(CatalogRoles roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return new PlanningMetrics(
            roles.HumanVolume ?? throw Missing("human_volume", "a count of human decisions"),
            roles.HandlingTime ?? throw Missing("handling_time", "mean handling seconds of a human decision"),
            roles.Utilisation ?? throw Missing("utilisation", "productive over scheduled hours"),
            roles.LabourCost ?? throw Missing("labour_cost", "a ratio whose numerator is scheduled hours at their cost"),
            roles)
        {
            HandlingSquares = roles.HandlingSquares,
        };
    }

    private static PlanningException Missing(string role, string what) =>
        new($"The catalogue has no roles.{role} ({what}); planning needs it (see catalog/README.md, Roles).");
}
