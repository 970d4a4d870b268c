using System.Globalization;
using ModScope.Query;

namespace ModScope.Reports.Text;

/// <summary>
/// A partly covered comparison (<see cref="ComparisonCoverage"/>) as people read it, in a report language: which period
/// has data for how many of its days, from which day, and whether the change was withheld or given on the days with
/// data. One wording for the dashboard's tiles and explorer, the CLI's table and the reports.
/// </summary>
public static class CoverageWords
{
    /// <summary>"Not compared: the previous period has data for 23 of 56 days (data from 13 Oct 2026), …"; null when both periods are covered.</summary>
    public static string? Of(ComparisonCoverage? coverage, ReportText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (coverage is null)
        {
            return null;
        }
        var parts = new List<string>(2);
        if (coverage.PreviousPartial)
        {
            parts.Add(Days(text, "coverage.previous", coverage.PreviousDaysWithData, coverage.PreviousDays));
        }
        if (coverage.CurrentPartial)
        {
            parts.Add(Days(text, "coverage.current", coverage.DaysWithData, coverage.Days));
        }
        return text.Fill(coverage.Comparable ? "coverage.compared" : "coverage.withheld", new Dictionary<string, string>
        {
            ["parts"] = string.Join(text["coverage.separator"], parts),
            ["first"] = coverage.FirstDay.ToString(text["format.date"], text.Culture),
        });
    }

    private static string Days(ReportText text, string key, int covered, int days) => text.Fill(key, new Dictionary<string, string>
    {
        ["covered"] = covered.ToString("N0", text.Culture),
        ["days"] = days.ToString("N0", text.Culture),
    });
}
