using ModScope.Catalog;
using ModScope.Cli.Views;
using ModScope.Monitor.Explanation;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Findings;
using ModScope.Store;
using ModScope.Monitor.Scan;
using ModScope.Query;

namespace ModScope.Cli.Commands;

/// <summary>
/// <c>explain --alert ID</c>: the stored explanation, computed and stored first when the run left none, from the data's
/// engine (the store, or the ClickHouse cluster) and worded with that engine's reference data.
/// </summary>
internal static class AlertExplanationView
{
    public static async Task Show(CliContext context, long id, string storePath, MetricCatalog catalog, string language,
        Func<ModScopeStore, IMetricEngine> engineFor, CancellationToken cancellationToken)
    {
        using var opened = CommonOptions.OpenExistingStore(storePath);
        var engine = engineFor(opened);
        using var disposeEngine = (IDisposable)engine;
        var alerts = new AlertStore(opened);
        var alert = alerts.Get(id);
        var f = alert.Finding;
        if (f.Kind == AlertKind.Metric && f.Explanation is null)
        {
            var explanation = await new AlertExplainer(catalog, new MetricQuery(catalog, engine), AlertExplainer.DrillOrder)
                .ExplainAsync(f, alerts.List().Where(a => a.SuppressedBy == id).Select(a => a.Finding), cancellationToken).ConfigureAwait(false);
            if (opened.CanWrite)
            {
                alerts.SetExplanation(id, explanation.ToJson());
                alert = alerts.Get(id);
            }
            else
            {
                alert = alert with { Finding = f with { Explanation = explanation.ToJson() } };
            }
        }
        AlertsView.RenderExplanation(context.Out, alert, catalog, new FindingRenderer(catalog, engine.Reference, language));
    }
}
