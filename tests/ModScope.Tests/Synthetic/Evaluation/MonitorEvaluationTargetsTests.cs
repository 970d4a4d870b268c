using ModScope.Catalog;
using ModScope.Monitor.Calendar;
using ModScope.Synthetic.Evaluation;
using ModScope.Monitor.Quality;
using ModScope.Tests.Support;

namespace ModScope.Tests.Synthetic.Evaluation;

/// <summary>
/// The monitor issue's targets on one fixed seed, end to end as <c>modscope eval</c> runs them: generate a data set with
/// the generator's six labelled incidents and a quiet one, load each, monitor every judged day, and score the alerts
/// against incidents.json. The README records the full figures over several seeds and the full default size; this is
/// the regression guard, sized to stay near a minute or two on two cores.
/// </summary>
public sealed class MonitorEvaluationTargetsTests
{
    private const int Seed = 7;
    private const int Days = 90;
    private const int DecisionsPerDay = 10000;

    [Fact]
    public async Task The_monitor_meets_the_recall_precision_root_cause_and_quiet_data_targets_on_a_fixed_seed()
    {
        using var folder = new TempFolder();
        var evaluation = new MonitorEvaluation(CatalogLoader.LoadDefault(), EventCalendar.LoadDefault(ModScope.Model.ReferenceData.Shipped.Markets), QualitySettingsLoader.LoadDefault());

        var report = await evaluation.RunAsync(new EvaluationSettings([Seed], Days, DecisionsPerDay), folder.Path);

        var incidents = report.Seeds.Single(s => !s.Quiet);
        var quiet = report.Seeds.Single(s => s.Quiet);
        var unexplained = string.Join("; ", incidents.Unexplained.Select(a => $"{a.Subject} {a.Segment} {a.FirstDay:yyyy-MM-dd}"));
        Assert.Equal(6, incidents.Incidents.Count);
        Assert.True(report.Recall >= 0.9, $"Recall {report.Recall:P0}: missed {string.Join(", ", incidents.Incidents.Where(i => !i.Detected).Select(i => i.Incident.Kind))}.");
        Assert.True(report.Precision >= 0.8, $"Precision {report.Precision:P0} ({incidents.TrueAlerts} of {incidents.Alerts}); unexplained: {unexplained}.");
        Assert.True(report.RootCauseTop3 >= 0.8, $"Root cause in top 3 {report.RootCauseTop3:P0}: " +
            string.Join(", ", incidents.Incidents.Where(i => i.Detected && i.HasSegment).Select(i => $"{i.Incident.Kind} → {i.RootCauseRank?.ToString() ?? "not found"}")));
        Assert.True(report.QuietAlertRate <= 1.0, $"Quiet data: {report.QuietAlertRate:0.00} alerts per 100 series per 30 days ({quiet.Alerts} alerts).");
    }
}
