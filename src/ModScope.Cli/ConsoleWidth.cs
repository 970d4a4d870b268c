using System.Globalization;
using Spectre.Console;

namespace ModScope.Cli;

/// <summary>
/// The width tables are laid out to when standard output is a file or a pipe: Spectre.Console cannot ask a terminal
/// then and falls back to 80 columns, which wraps every planning or query table into unreadable cells. Redirected,
/// the width is <c>COLUMNS</c> when it holds a positive whole number, else <see cref="Redirected"/>; on a terminal
/// Spectre's own detection stands.
/// </summary>
internal static class ConsoleWidth
{
    /// <summary>The width for a redirected output without <c>COLUMNS</c>: wide enough for the planning tables unwrapped.</summary>
    public const int Redirected = 200;

    public static IAnsiConsole Fit(IAnsiConsole console, bool outputRedirected, string? columns)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (outputRedirected)
        {
            console.Profile.Width = int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width > 0 ? width : Redirected;
        }
        return console;
    }
}
