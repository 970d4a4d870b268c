using ModScope.Web.Forwarding;
using Spectre.Console;

namespace ModScope.Cli.Forwarding;

/// <summary>
/// Runs a forwarded command line inside <c>serve</c> exactly as the CLI would (same commands, messages and exit codes),
/// on the server's store path (the very string the server opened, so DuckDB shares its database instance instead of
/// opening the file twice), with the output captured as plain text for the caller to print.
/// </summary>
internal sealed class InServerRunner : ICommandRunner
{
    public async Task<CommandOutcome> RunAsync(IReadOnlyList<string> arguments, string storePath, int width, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        var context = new CliContext(console, error, output, TextReader.Null) { InServer = true };
        var exit = await CliApp.RunAsync([.. arguments, "--store", storePath], context, cancellationToken).ConfigureAwait(false);
        return new CommandOutcome(exit, output.ToString(), error.ToString());
    }
}
