using System.CommandLine;
using ModScope.Cli.Views;
using ModScope.Planning.Forecasting;

namespace ModScope.Cli.Commands;

/// <summary><c>modscope forecast --metric decision_volume --by queue --horizon 8w</c>: daily forecasts with prediction intervals.</summary>
internal static class ForecastCommand
{
    public static Command Create(CliContext context)
    {
        var metric = new Option<string?>("--metric", "-m") { Description = "A count, sum or mean to forecast (default: the catalogue's volume role)." };
        var by = new Option<string[]>("--by") { Description = "Forecast each value of these dimensions (queue, market, site), comma-separated.", AllowMultipleArgumentsPerToken = true };
        var level = new Option<double>("--level") { Description = "Central coverage of the prediction interval.", DefaultValueFactory = _ => 0.8 };
        var backtest = new Option<bool>("--backtest") { Description = "Score the forecaster instead: rolling-origin backtest (weekly origins after 8 weeks of training, 1 to 4 weeks ahead) against seasonal naive, with MASE and interval coverage." };
        var options = new PlanningOptions();
        var command = new Command("forecast",
            "Forecast a volume or handling time day by day, 1 to 8 weeks ahead, with prediction intervals, weekly and yearly " +
            "seasonality and the event calendar's uplifts (log-scale robust regression; see src/ModScope/Planning/README.md).")
        {
            metric, by, level, backtest,
        };
        options.AddTo(command);
        command.SetAction((parsed, cancellationToken) => CliApp.Guard(context, parsed, async () =>
        {
            var settings = new ForecastSettings { HorizonDays = PlanningOptions.ParseHorizon(parsed.GetValue(options.Horizon)!), IntervalLevel = Level(parsed.GetValue(level)) };
            var format = options.FormatOf(parsed);
            using var opened = options.Open(parsed);
            var dimensions = (parsed.GetValue(by) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            foreach (var dimension in dimensions)
            {
                opened.Catalog.Dimension(dimension);
            }
            var id = parsed.GetValue(metric) ?? opened.Catalog.Roles.Volume;
            if (parsed.GetValue(backtest))
            {
                var backtestSettings = new BacktestSettings { HorizonWeeks = Math.Clamp((settings.HorizonDays + 6) / 7, 1, 4), Forecast = settings };
                var scores = await opened.Forecasts.BacktestAsync(id, dimensions, options.FiltersOf(parsed), backtestSettings, options.AsOfOf(parsed), cancellationToken).ConfigureAwait(false);
                await PlanningViews.Backtest(context, id, scores, format, parsed.GetValue(options.Output)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var set = await opened.Forecasts.ForecastAsync(id, dimensions, options.FiltersOf(parsed), settings, options.AsOfOf(parsed), cancellationToken).ConfigureAwait(false);
            await PlanningViews.Forecast(context, opened.Catalog, set, settings, format, parsed.GetValue(options.Output), parsed.GetValue(options.Language)!).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static double Level(double level) =>
        level is > 0 and < 1 ? level : throw new UsageException($"--level must be strictly between 0 and 1 (0.8 for an 80% interval), not {level}.");
}
