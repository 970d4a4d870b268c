using Spectre.Console;

namespace ModScope.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output.</summary>
internal static class CliRunner
{
    public static Task<(int Exit, string Out, string Error)> Run(params string[] args) => RunWithInput("", args);

    /// <summary>Runs with <paramref name="input"/> as standard input.</summary>
    public static async Task<(int Exit, string Out, string Error)> RunWithInput(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var exit = await CliApp.RunAsync(args, new CliContext(console, error, output, new StringReader(input)));
        return (exit, output.ToString(), error.ToString());
    }
}
