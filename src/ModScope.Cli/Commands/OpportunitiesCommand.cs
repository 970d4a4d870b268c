using System.CommandLine;
using ModScope.Cli.Views;
using ModScope.Planning;
using ModScope.Planning.Forecasting;
using ModScope.Planning.Opportunities;

namespace ModScope.Cli.Commands;

/// <summary><c>modscope opportunities [--kind automation|site-productivity|handling-time|qa-sampling|sla-risk|live-coverage] [--top N]</c>: sized opportunities, ranked.</summary>
internal static class OpportunitiesCommand
{
    public static Command Create(CliContext context)
    {
        var kind = new Option<string?>("--kind") { Description = "Only this kind: automation, site-productivity, handling-time, qa-sampling, sla-risk or live-coverage." };
        var top = new Option<int>("--top") { Description = "At most this many of each kind.", DefaultValueFactory = _ => 10 };
        var evidence = new Option<bool>("--evidence") { Description = "Also list each opportunity's evidence and the queries that reproduce it." };
        var options = new PlanningOptions();
        var command = new Command("opportunities",
            "Sized opportunities, each with hours and money a week, an interval and its evidence: automation candidates, site " +
            "productivity gaps on the same mix, handling-time outliers, QA re-allocation (Neyman), and from the plan SLA risk of " +
            "the deadline queues and live (minute-scale) coverage (see src/ModScope/Planning/README.md).")
        {
            kind, top, evidence,
        };
        options.AddTo(command);
        command.SetAction((parsed, cancellationToken) => CliApp.Guard(context, parsed, async () =>
        {
            var only = Kind(parsed.GetValue(kind));
            var limit = parsed.GetValue(top) is var n and >= 1 ? n : throw new UsageException($"--top must be at least 1, not {parsed.GetValue(top)}.");
            var settings = new ForecastSettings { HorizonDays = PlanningOptions.ParseHorizon(parsed.GetValue(options.Horizon)!) };
            var format = options.FormatOf(parsed);
            using var opened = options.Open(parsed);
            var finder = new OpportunityFinder(opened.Reader, opened.Planner, opened.Metrics);
            var found = await finder.FindAsync(options.FiltersOf(parsed), settings, new OpportunitySettings(), options.AsOfOf(parsed), cancellationToken).ConfigureAwait(false);
            var shown = found.Where(o => (only is null || o.Kind == only) && o.Rank <= limit).ToList();
            await PlanningViews.Opportunities(context, opened.Reference, shown, parsed.GetValue(evidence), format, parsed.GetValue(options.Output), parsed.GetValue(options.Language)!).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static OpportunityKind? Kind(string? text) => text is null ? null
        : OpportunityKinds.Parse(text) ?? throw new UsageException($"--kind must be automation, site-productivity, handling-time, qa-sampling, sla-risk or live-coverage, not '{text}'.");
}
