using ModScope.Catalog;

namespace ModScope.Reports.Story;

/// <summary>Which of the catalogue's role lists (<see cref="CatalogRoles"/>) each audience's report charts and slices.</summary>
public static class ReportMetrics
{
    /// <summary>The metrics charted (trailing weeks and months side by side) for an audience.</summary>
    public static IReadOnlyList<string> Charts(CatalogRoles roles, ReportAudience audience)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return audience switch
        {
            ReportAudience.Exec => roles.ChartsExec,
            ReportAudience.Regional => roles.ChartsRegional,
            _ => roles.ChartsQuality,
        };
    }

    /// <summary>The metrics gathered by segment for an audience: movements, rankings or the quality metrics.</summary>
    public static IReadOnlyList<string> Segments(CatalogRoles roles, ReportAudience audience)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return audience switch
        {
            ReportAudience.Exec => roles.ReportMovements,
            ReportAudience.Regional => roles.ReportRanking,
            _ => roles.ReportQuality,
        };
    }
}
