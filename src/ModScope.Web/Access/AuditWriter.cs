using System.Collections.Concurrent;
using ModScope.Auditing;

namespace ModScope.Web.Access;

/// <summary>
/// Writes the audit rows the requests queue (<see cref="AuditRecorder"/>) to the store's <see cref="AuditLog"/> in
/// batches, every <see cref="Interval"/> and when the server stops, so a request does not wait for a store write; once
/// a day (and at start) it prunes rows older than <see cref="DashboardLimits.AuditRetentionDays"/>. Only a dashboard
/// opened to a team (users configured) keeps the log, starting with the configuration it loaded (<see cref="ConfigurationRecord"/>): the single-user loopback tool has no one to tell apart, and
/// writing the store for each page view would make every reader of the store wait for it.
/// </summary>
internal sealed class AuditWriter(Dashboard dashboard, AccessPolicy access, IConfiguration configuration, IEnumerable<ModScope.Service.ServiceConfig> service,
    ILogger<AuditWriter> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly ConcurrentQueue<AuditEntry> _queue = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private DateTime _pruned = DateTime.MinValue;

    public void Add(AuditEntry entry)
    {
        if (access.HasUsers)
        {
            _queue.Enqueue(entry);
        }
    }

    /// <summary>Writes every queued row now.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!access.HasUsers)
        {
            return;
        }
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = new List<AuditEntry>();
            while (_queue.TryDequeue(out var entry))
            {
                batch.Add(entry);
            }
            var prune = DateTime.UtcNow - _pruned > TimeSpan.FromDays(1);
            if (batch.Count == 0 && !prune)
            {
                return;
            }
            var log = new AuditLog(dashboard.Store);
            var retention = TimeSpan.FromDays(DashboardLimits.Read(configuration).AuditRetentionDays);
            try
            {
                await dashboard.Store.WriteAsync(_ =>
                {
                    log.Append(batch);
                    if (prune)
                    {
                        log.Prune(retention, DateTime.UtcNow);
                    }
                    return Task.CompletedTask;
                }, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // Not written (the batch is one transaction): the rows go back in the queue for the next try.
                foreach (var entry in batch)
                {
                    _queue.Enqueue(entry);
                }
                throw;
            }
            _pruned = prune ? DateTime.UtcNow : _pruned;
        }
        finally
        {
            _flushing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The configuration this start loaded comes first (see ConfigurationRecord).
        foreach (var entry in ConfigurationRecord.Of(access, configuration, service.FirstOrDefault(), DateTime.UtcNow))
        {
            Add(entry);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            await FlushLoggingAsync(stoppingToken).ConfigureAwait(false);
        }
        await FlushLoggingAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task FlushLoggingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the final flush follows.
        }
#pragma warning disable CA1031 // A store that cannot be written now keeps the rows queued for the next try; the server keeps serving.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Writing the audit log failed; its rows wait for the next try.");
        }
    }

    /// <summary>
    /// A host disposed without being stopped cancels <see cref="ExecuteAsync"/> here; its final flush then finds the
    /// gate disposed and writes nothing, rather than reopening a store its dashboard has already closed.
    /// </summary>
    public override void Dispose()
    {
        _flushing.Dispose();
        base.Dispose();
    }
}
