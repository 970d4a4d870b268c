using System.CommandLine;
using ModScope.Monitor.Quality;
using ModScope.Query;
using ModScope.Store;

namespace ModScope.Cli.Commands;

/// <summary>Options shared by several commands, and the parsing they share.</summary>
internal static class CommonOptions
{
    public const string DefaultStore = "modscope.duckdb";

    public static Option<string> Store() => new("--store")
    {
        Description = "Path of the DuckDB store file (ingest creates it if missing).",
        DefaultValueFactory = _ => DefaultStore,
    };

    public static Option<string> Language() => new Option<string>("--lang")
    {
        Description = "Language of names and labels: en or zh-Hans.",
        DefaultValueFactory = _ => "en",
    }.Validated();

    /// <summary>
    /// Opens a store that must already exist (reading commands must not create an empty one) read-only, so it can be read
    /// while <c>modscope serve</c> holds it (the server is read-only between its writes; a read waits out a write).
    /// </summary>
    public static ModScopeStore OpenExistingStore(string path) =>
        File.Exists(path)
            ? ModScopeStore.OpenReadOnly(path)
            : throw new IOException($"Store '{path}' does not exist; run 'modscope ingest' or 'modscope demo' first.");

    /// <summary>Opens a store that must already exist for writing; refused at once, naming the holder, while another process holds it.</summary>
    public static ModScopeStore OpenStoreToWrite(string path) =>
        File.Exists(path)
            ? ModScopeStore.Open(path)
            : throw new IOException($"Store '{path}' does not exist; run 'modscope ingest' or 'modscope demo' first.");

    /// <summary>
    /// The one "as of" for relative periods, as the dashboard has it: <paramref name="asOf"/> when given, else the day after
    /// the data's newest decision day (its watermark), so "last full week" is the data's last full week whatever the clock
    /// says; the clock only when there is no data. Also returns that newest day (null with no decisions).
    /// </summary>
    public static async Task<(DateTime? AsOf, DateOnly? DataEnd)> AnchorAsync(IMetricEngine engine, DateTime? asOf, CancellationToken cancellationToken)
    {
        var end = await EngineWatermarks.LatestDecisionDayAsync(engine, cancellationToken).ConfigureAwait(false);
        return (asOf ?? end?.AddDays(1).ToDateTime(TimeOnly.MinValue), end);
    }

    /// <summary>A note when <paramref name="period"/> reaches past the data's last day: its later days are incomplete (null otherwise).</summary>
    public static string? IncompleteNote(Period period, DateOnly? dataEnd)
    {
        var last = DateOnly.FromDateTime(period.End.AddDays(-1));
        return dataEnd is { } end && last > end
            ? $"note: {period.Start:yyyy-MM-dd}..{last:yyyy-MM-dd} reaches past the data's last day {end:yyyy-MM-dd}; days after it are incomplete."
            : null;
    }

    /// <summary>Why a query found nothing: no data at all, a period outside the data, or filters that match nothing.</summary>
    public static string EmptyReason(Period period, DateOnly? dataEnd)
    {
        var span = $"{period.Start:yyyy-MM-dd}..{period.End.AddDays(-1):yyyy-MM-dd}";
        return dataEnd is not { } end ? $"no decisions in {span}; the store holds no decisions yet: load some with 'modscope ingest'."
            : DateOnly.FromDateTime(period.Start) > end ? $"no decisions in {span}; the data ends on {end:yyyy-MM-dd}."
            : $"no rows in {span} match the request (the data ends on {end:yyyy-MM-dd}).";
    }

    /// <summary>Parses a period relative to now in <paramref name="zone"/> (or <paramref name="asOf"/>); a bad one is a usage error.</summary>
    public static Period ParsePeriod(string text, string zone, DateTime? asOf)
    {
        DateTime now;
        try
        {
            now = asOf ?? TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, zone);
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new UsageException($"Unknown time zone '{zone}'; use an IANA name such as Asia/Singapore or UTC.", ex);
        }
        try
        {
            return PeriodParser.Parse(text, zone, now);
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }
}
