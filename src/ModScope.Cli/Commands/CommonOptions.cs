using System.CommandLine;

namespace ModScope.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public const string DefaultStore = "modscope.duckdb";

    public static Option<string> Store() => new("--store")
    {
        Description = "Path of the DuckDB store file (created if missing).",
        DefaultValueFactory = _ => DefaultStore,
    };
}
