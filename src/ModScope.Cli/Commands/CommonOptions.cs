using System.CommandLine;
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

    /// <summary>Opens a store that must already exist (reading commands must not create an empty one).</summary>
    public static ModScopeStore OpenExistingStore(string path) =>
        File.Exists(path)
            ? ModScopeStore.Open(path)
            : throw new IOException($"Store '{path}' does not exist; run 'modscope ingest' or 'modscope demo' first.");

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
