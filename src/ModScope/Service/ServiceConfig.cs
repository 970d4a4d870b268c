namespace ModScope.Service;

/// <summary>
/// What <c>modscope serve</c> does unattended, from <c>modscope.yaml</c> beside the store or <c>serve --config FILE</c>
/// (<see cref="ServiceConfigLoader"/>): load files as they land, and run jobs on schedules.
/// </summary>
/// <param name="File">The configuration file read.</param>
/// <param name="Watch">The landing folder, or null when none is watched.</param>
/// <param name="Schedules">Jobs on cron schedules.</param>
public sealed record ServiceConfig(string File, WatchSettings? Watch, IReadOnlyList<ScheduledJob> Schedules);
