using System.CommandLine;
using System.Globalization;
using ModScope.Cli.Views;
using ModScope.Synthetic.Evaluation;

namespace ModScope.Cli.Commands;

/// <summary>
/// <c>modscope eval [--seeds 7,11,13] [--days 90] [--decisions-per-day 20000] [--dir eval] [--opportunities]</c>: generates
/// data with labelled incidents per seed (and a quiet data set), runs the monitor and scores it: recall, precision, median
/// detection delay, root cause in top 1 / top 3, and the quiet-data alert rate; with <c>--opportunities</c>, runs the
/// opportunity finder instead and scores the planted opportunities' recovery.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var seeds = new Option<string>("--seeds") { Description = "Comma-separated generator seeds.", DefaultValueFactory = _ => "7,11,13" };
        var days = new Option<int>("--days") { Description = "Days of data per seed (the first 35 are history).", DefaultValueFactory = _ => 90 };
        var perDay = new Option<int>("--decisions-per-day") { Description = "Decisions per day.", DefaultValueFactory = _ => 20000 };
        var directory = new Option<string>("--dir") { Description = "Working folder for the generated data and stores (recreated per seed).", DefaultValueFactory = _ => "eval" };
        var noQuiet = new Option<bool>("--no-quiet") { Description = "Skip the quiet data set (no incidents)." };
        var opportunities = new Option<bool>("--opportunities")
        {
            Description = "Score the opportunity finder instead of the monitor: planted opportunities in the top 3 of their kind, sized within 25%.",
        };
        var command = new Command("eval", "Score the monitor on generated data with known incidents: recall, precision, delay, root cause, quiet-data alert rate.")
        {
            seeds, days, perDay, directory, noQuiet, opportunities,
        };
        command.SetAction((parsed, cancellationToken) => CliApp.Guard(context, parsed, async () =>
        {
            var seedList = Seeds(parsed.GetValue(seeds)!);
            if (parsed.GetValue(days) < 60 || parsed.GetValue(perDay) < 100)
            {
                throw new UsageException("--days must be at least 60 (35 days of history plus the judged days) and --decisions-per-day at least 100.");
            }
            var settings = new EvaluationSettings(seedList, parsed.GetValue(days), parsed.GetValue(perDay), !parsed.GetValue(noQuiet));
            if (parsed.GetValue(opportunities))
            {
                var finder = new OpportunityEvaluation(CatalogOption.Load(null), MonitorSetup.EvaluationCalendar())
                {
                    Progress = new Progress<string>(message => context.Error.WriteLine(message)),
                };
                OpportunityEvaluationView.Render(context.Out, await finder.RunAsync(settings, parsed.GetValue(directory)!, cancellationToken).ConfigureAwait(false));
                return ExitCodes.Ok;
            }

            var evaluation = new MonitorEvaluation(CatalogOption.Load(null), MonitorSetup.EvaluationCalendar(), MonitorSetup.Quality())
            {
                Progress = new Progress<string>(message => context.Error.WriteLine(message)),
            };
            var report = await evaluation.RunAsync(settings, parsed.GetValue(directory)!, cancellationToken).ConfigureAwait(false);
            EvaluationView.Render(context.Out, report);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static List<int> Seeds(string text)
    {
        var seeds = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            seeds.Add(int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
                ? seed
                : throw new UsageException($"--seeds: '{part}' is not a whole number."));
        }
        return seeds.Count > 0 ? seeds : throw new UsageException("--seeds needs at least one seed.");
    }
}
