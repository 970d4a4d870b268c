using ModScope.Cli;
using Spectre.Console;

var console = ConsoleWidth.Fit(AnsiConsole.Console, Console.IsOutputRedirected, Environment.GetEnvironmentVariable("COLUMNS"));
return await CliApp.RunAsync(args, new CliContext(console, Console.Error, Console.Out));
