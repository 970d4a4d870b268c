using System.CommandLine;
using ModScope.Cli.Views;
using ModScope.Planning.Forecasting;
using ModScope.Planning.Workload;

namespace ModScope.Cli.Commands;

/// <summary><c>modscope plan [--horizon 8w] [--queues]</c>: required against scheduled hours per site and day, and the days at SLA risk.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var queues = new Option<bool>("--queues") { Description = "Show every queue-day (volume, handling hours, backlog, SLA attainment) instead of site-days." };
        var shrinkage = new Option<double>("--shrinkage") { Description = "Share of scheduled hours not available for work.", DefaultValueFactory = _ => new PlanningTargets().Shrinkage };
        var occupancy = new Option<double>("--occupancy") { Description = "Target occupancy: handling time over productive time.", DefaultValueFactory = _ => new PlanningTargets().Occupancy };
        var options = new PlanningOptions();
        var command = new Command("plan",
            "Plan the hours: forecast human volume per site and queue, turn it into required scheduled hours (fluid queue with the " +
            "SLA as deadline and backlog carried over; Erlang C/A for minute-scale queues), and compare with each site's roster.")
        {
            queues, shrinkage, occupancy,
        };
        options.AddTo(command);
        command.SetAction((parsed, cancellationToken) => CliApp.Guard(context, parsed, async () =>
        {
            var targets = Targets(parsed.GetValue(shrinkage), parsed.GetValue(occupancy));
            var settings = new ForecastSettings { HorizonDays = PlanningOptions.ParseHorizon(parsed.GetValue(options.Horizon)!) };
            var format = options.FormatOf(parsed);
            using var opened = options.Open(parsed);
            var outcome = await opened.Planner.BuildAsync(options.FiltersOf(parsed), settings, targets, options.AsOfOf(parsed), cancellationToken).ConfigureAwait(false);
            await PlanningViews.Plan(context, opened.Catalog, outcome, parsed.GetValue(queues), format, parsed.GetValue(options.Output), parsed.GetValue(options.Language)!).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static PlanningTargets Targets(double shrinkage, double occupancy)
    {
        try
        {
            return new PlanningTargets { Shrinkage = shrinkage, Occupancy = occupancy }.Validated();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new UsageException($"--{ex.ParamName?.ToLowerInvariant()}: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
        }
    }
}
