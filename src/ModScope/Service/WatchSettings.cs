namespace ModScope.Service;

/// <summary>
/// The <c>watch</c> section: files landing in <paramref name="Folder"/> are loaded once complete, then moved to
/// <c>loaded/</c> or <c>rejected/</c> inside it; with <paramref name="MonitorAfterLoad"/> the monitor then judges the data's last <paramref name="MonitorDays"/> days.
/// </summary>
/// <param name="Folder">The landing folder (absolute; a relative one in the file is relative to the file).</param>
/// <param name="Readiness">How a file is known to be complete.</param>
/// <param name="StableFor">For <see cref="FileReadiness.StableSize"/>: how long size and time must stay unchanged.</param>
/// <param name="MonitorAfterLoad">Run the monitor after each load.</param>
/// <param name="MonitorDays">
/// How many days up to the data's newest complete day that monitor run judges (default 7, so a day that lands late, and
/// the days its load completes, are judged again).
/// </param>
public sealed record WatchSettings(string Folder, FileReadiness Readiness, TimeSpan StableFor, bool MonitorAfterLoad, int MonitorDays = 7);
