using System.Globalization;
using System.Text.Json;
using ModScope.Monitor.Findings;
using ModScope.Query;
using ModScope.Rendering;
using ModScope.Reports;
using ModScope.Service;
using ModScope.Service.Outbox;
using ModScope.Service.Subscriptions;
using ModScope.Web.Api;

namespace ModScope.Web.Service;

/// <summary>
/// Writes subscriptions' deliveries into the outbox when their time comes: a report built by the library's report
/// writer exactly as <c>modscope report</c> (its numbers limited to the subscription's region or market through
/// <see cref="MetricQuery.Within"/>), keyed by subscription × period and not built again once written; an alert digest
/// keyed by the alerts × states it covers (<see cref="AlertDigest"/>). Each write goes through the store's write gate.
/// </summary>
internal sealed class DeliveryJobs(ServiceConfig config, Dashboard dashboard, TimeProvider clock, ILogger logger)
{
    private readonly OutboxStore _outbox = new(dashboard.Store);
    private readonly AlertDigest _digest = new(config);

    /// <summary>Writes what each of <paramref name="subscriptions"/> has to send now; returns how many deliveries were written.</summary>
    public async Task<int> EnqueueAsync(IEnumerable<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var subscription in subscriptions)
        {
            try
            {
                var entry = subscription.Kind == SubscriptionKind.Report
                    ? await ReportAsync(subscription, cancellationToken).ConfigureAwait(false)
                    : _digest.Compose(subscription, dashboard.Alerts.List(), _outbox.Marks(subscription.Name),
                        new FindingRenderer(dashboard.Catalog, dashboard.Reference, subscription.Language));
                if (entry is not null && await dashboard.Store.WriteAsync(_ => Task.FromResult(_outbox.Enqueue(entry, clock.GetUtcNow().UtcDateTime)), cancellationToken).ConfigureAwait(false))
                {
                    written++;
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        logger.LogInformation("Outbox: '{Subscription}' wrote {Key}.", subscription.Name, entry.Key);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // One subscription that cannot be built (no data for its period) is logged; the others go on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Subscription '{Subscription}' could not be prepared: {Message}", subscription.Name, ex.Message);
            }
        }
        return written;
    }

    private async Task<OutboxEntry?> ReportAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var rule = subscription.Report!;
        await dashboard.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var period = PeriodParser.Parse(rule.Period, "UTC", dashboard.DataNow());
        var (from, to) = (DateOnly.FromDateTime(period.Start), DateOnly.FromDateTime(period.End).AddDays(-1));
        var key = FormattableString.Invariant($"{subscription.Name}|report|{from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
        if (_outbox.Has(key))
        {
            return null;
        }
        var access = rule.Region is { } region ? new AccessScope([region], [], [], []) : rule.Market is { } market ? new AccessScope([], [market], [], []) : AccessScope.Everything;
        var reference = dashboard.VisibleReference(access);
        var service = new ReportService(dashboard.Catalog, dashboard.Query.Within(access)) { Charts = new ChartRenderer(), Reference = reference, Calendar = dashboard.Calendar };
        var scope = ReportService.Scope(reference, ReportEndpoints.Audience(rule.Audience), period, rule.Region, rule.Market);
        var file = await ReportRenderer.BuildAsync(service, scope, subscription.Language, ReportEndpoints.Format(rule.Format), dashboard.VisibleAlerts(access).ToList(), cancellationToken)
            .ConfigureAwait(false);
        var words = new FindingRenderer(dashboard.Catalog, dashboard.Reference, subscription.Language);
        (string, FindingFact)[] facts = [("name", FindingFacts.Text(subscription.Name)), ("from", FindingFacts.Day(from)), ("to", FindingFacts.Day(to)), ("file", FindingFacts.Text(file.FileName))];
        var json = JsonSerializer.Serialize(new { report = rule, from = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), file = file.FileName });
        var message = new Message(words.Say("delivery.report_subject", facts), words.Say("delivery.report_text", facts), json, file.FileName, file.Content);
        return new OutboxEntry(key, subscription.Name, subscription.Channel.Name, subscription.Recipients, message, []);
    }
}
