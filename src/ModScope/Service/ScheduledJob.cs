using Cronos;

namespace ModScope.Service;

/// <summary>
/// One entry of <c>schedules</c>: a job (<c>monitor</c> or <c>send</c>) run at the times of a cron expression in a time zone
/// (Cronos; five fields, or six with seconds). The subscriptions whose <c>when</c> names it are sent when it fires.
/// </summary>
/// <param name="Name">The entry's name, as people refer to it.</param>
/// <param name="Cron">When it runs.</param>
/// <param name="Zone">The time zone the expression is read in (daylight saving applied as Cronos does).</param>
/// <param name="Job">What runs: <c>monitor</c>, or <c>send</c> (only the subscriptions naming it).</param>
public sealed record ScheduledJob(string Name, CronExpression Cron, TimeZoneInfo Zone, string Job)
{
    /// <summary>The first run time strictly after <paramref name="after"/> (UTC), or null if the expression never fires again.</summary>
    public DateTime? Next(DateTime after) => Cron.GetNextOccurrence(DateTime.SpecifyKind(after, DateTimeKind.Utc), Zone);
}
