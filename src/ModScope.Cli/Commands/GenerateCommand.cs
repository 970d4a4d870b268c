using System.CommandLine;
using System.Globalization;
using ModScope.Cli.Views;
using ModScope.Synthetic;

namespace ModScope.Cli.Commands;

/// <summary><c>modscope generate --days --decisions-per-day --seed --format --out [--no-incidents] [--start]</c>.</summary>
internal static class GenerateCommand
{
    public sealed record Options(
        Option<int> Days, Option<int> PerDay, Option<int> Seed, Option<OutputFormat> Format, Option<bool> NoIncidents, Option<DateOnly?> Start)
    {
        public static Options Create() => new(
            new Option<int>("--days") { Description = "Number of days to generate.", DefaultValueFactory = _ => 90 },
            new Option<int>("--decisions-per-day") { Description = "Average decisions per day.", DefaultValueFactory = _ => 20000 },
            new Option<int>("--seed") { Description = "Random seed; the same options and seed give the same bytes.", DefaultValueFactory = _ => 7 },
            new Option<OutputFormat>("--format") { Description = "File format: csv, parquet or jsonl.", DefaultValueFactory = _ => OutputFormat.Csv },
            new Option<bool>("--no-incidents") { Description = "Generate a quiet data set, without the labelled incidents." },
            new Option<DateOnly?>("--start") { Description = "First day (yyyy-mm-dd); default 2026-08-24." });

        public void AddTo(Command command)
        {
            command.Options.Add(Days);
            command.Options.Add(PerDay);
            command.Options.Add(Seed);
            command.Options.Add(Format);
            command.Options.Add(NoIncidents);
            command.Options.Add(Start);
        }

        public GeneratorOptions Read(ParseResult parsed, string outputDirectory)
        {
            var days = parsed.GetValue(Days);
            var perDay = parsed.GetValue(PerDay);
            if (days is < 1 or > 3660)
            {
                throw new UsageException($"--days must be between 1 and 3660, not {days}.");
            }
            if (perDay is < 100 or > 1_000_000)
            {
                throw new UsageException($"--decisions-per-day must be between 100 and 1,000,000, not {perDay}.");
            }
            return new GeneratorOptions(outputDirectory, days, perDay, parsed.GetValue(Seed), parsed.GetValue(Format),
                !parsed.GetValue(NoIncidents), parsed.GetValue(Start));
        }
    }

    public static Command Create(CliContext context)
    {
        var options = Options.Create();
        var output = new Option<string>("--out") { Description = "Folder to write the files and incidents.json into.", Required = true };
        var command = new Command("generate",
            "Write a realistic synthetic data set (decisions, QA audits, appeals, staffing; one file per table per day) " +
            "with labelled incidents whose ground truth goes to incidents.json.");
        options.AddTo(command);
        command.Options.Add(output);
        command.SetAction((parsed, cancellationToken) => CliApp.Guard(context, parsed, async () =>
        {
            var generatorOptions = options.Read(parsed, parsed.GetValue(output)!);
            var summary = await ProgressView.RunGenerate(context.Out, generatorOptions, cancellationToken).ConfigureAwait(false);
            GenerationView.Render(context.Out, generatorOptions, summary);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
