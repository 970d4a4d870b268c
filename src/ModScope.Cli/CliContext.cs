using Spectre.Console;

namespace ModScope.Cli;

/// <summary>
/// Where a command writes: rich output to <see cref="Out"/>, one-line errors to <see cref="Error"/>,
/// and System.CommandLine's own help text to <see cref="HelpOutput"/>; it reads secrets typed in from <see cref="Input"/>
/// (standard input when null).
/// </summary>
public sealed record CliContext(IAnsiConsole Out, TextWriter Error, TextWriter HelpOutput, TextReader? Input = null)
{
    public TextReader In => Input ?? Console.In;

    /// <summary>True inside <c>serve</c>, running a command the CLI forwarded: it runs here and is never forwarded again.</summary>
    public bool InServer { get; init; }
}
