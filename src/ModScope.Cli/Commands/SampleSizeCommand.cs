using System.CommandLine;
using System.Globalization;
using ModScope.Engines;
using ModScope.Query;
using ModScope.Stats;
using Spectre.Console;

namespace ModScope.Cli.Commands;

/// <summary>
/// <c>modscope sample-size --metric qa_accuracy --margin 0.02 --confidence 0.95 --expected 0.95 [--by market]</c>:
/// how many decisions to audit, using the store's decision volumes as stratum populations.
/// </summary>
internal static class SampleSizeCommand
{
    public static Command Create(CliContext context)
    {
        var metric = new Option<string?>("--metric") { Description = "The sampled metric to plan for (default: the catalogue's QA rate, its qa_rate role)." };
        var margin = new Option<double>("--margin") { Description = "Half-width of the interval wanted, e.g. 0.02 for ±2 points.", DefaultValueFactory = _ => 0.02 };
        var confidence = new Option<double>("--confidence") { Description = "Confidence level.", DefaultValueFactory = _ => 0.95 };
        var expected = new Option<double>("--expected") { Description = "Expected rate (0.5 when unknown gives the largest sample).", DefaultValueFactory = _ => 0.95 };
        var by = new Option<string?>("--by") { Description = "Stratify by this dimension and allocate the sample across its values." };
        var method = new Option<AllocationMethod>("--method") { Description = "Allocation across strata: Neyman or Proportional.", DefaultValueFactory = _ => AllocationMethod.Neyman };
        var period = new Option<string>("--period") { Description = "Period whose decision volumes are the populations.", DefaultValueFactory = _ => "last 4 weeks" };
        var asOf = new Option<DateTime?>("--as-of") { Description = "Evaluate the period as of this date." };
        var store = CommonOptions.Store();
        var catalog = CatalogOption.Create();
        var command = new Command("sample-size", "Plan QA sample sizes for a margin of error, with proportional or Neyman allocation across strata.")
        {
            metric, margin, confidence, expected, by, method, period, asOf, store, catalog,
        };
        command.SetAction((parsed, cancellationToken) => CliApp.Guard(context, parsed, async () =>
        {
            var loaded = CatalogOption.Load(parsed.GetValue(catalog));
            var definition = loaded.Metric(parsed.GetValue(metric) ?? loaded.Roles.QaRate);
            if (!definition.Sampled)
            {
                throw new UsageException($"'{definition.Id}' is not estimated from a sample; plan sizes for a QA metric such as {loaded.Roles.QaRate}.");
            }
            var (e, c, p) = (parsed.GetValue(margin), parsed.GetValue(confidence), parsed.GetValue(expected));
            if (e is <= 0 or >= 0.5 || c is <= 0 or >= 1 || p is < 0 or > 1)
            {
                throw new UsageException("--margin must be in (0, 0.5), --confidence in (0, 1) and --expected in [0, 1].");
            }
            using var opened = CommonOptions.OpenExistingStore(parsed.GetValue(store)!);
            var dimension = parsed.GetValue(by);
            var request = new MetricRequest([loaded.Roles.Volume], dimension is null ? [] : [dimension], TimeGrain.None, [],
                CommonOptions.ParsePeriod(parsed.GetValue(period)!, "UTC", parsed.GetValue(asOf)));
            using var engine = new DuckDbEngine(opened);
            var query = new MetricQuery(loaded, engine);
            var volumes = await query.RunAsync(request, cancellationToken).ConfigureAwait(false);
            // Neyman allocation needs each stratum's spread: use its observed rate when its QA sample is big enough
            // (at least 30 audits), the expected rate otherwise.
            var observed = (await query.RunAsync(request with { Metrics = [definition.Id] }, cancellationToken).ConfigureAwait(false))
                .Where(r => r.Value is not null && r.SampleSize >= 30)
                .ToDictionary(r => Name(r), r => r.Value!.Value, StringComparer.Ordinal);
            string Name(MetricResult r) => dimension is null ? "all" : r.Dimensions[dimension] ?? "(none)";
            var strata = volumes.Where(v => v.Value > 0)
                .Select(v => AllocationStratum.FromExpectedRate(Name(v), (long)v.Value!.Value, dimension is null ? p : observed.GetValueOrDefault(Name(v), p)))
                .ToList();
            if (strata.Count == 0)
            {
                throw new IOException($"No decisions in {request.Period.Label}; load data or choose another --period.");
            }
            var simple = SampleSize.ForProportion(p, e, c, strata.Sum(s => s.Population));
            context.Out.MarkupLine(CultureInfo.InvariantCulture,
                $"{Markup.Escape(definition.Name.En)} within ±{e:P1} at {c:P0} confidence, expecting {p:P1}: a simple random sample of " +
                $"[bold]{simple.Required:N0}[/] decisions (n0 = {simple.Initial:N1}, {strata.Sum(s => s.Population):N0} decisions in {Markup.Escape(request.Period.Label)}).");
            if (dimension is null)
            {
                return ExitCodes.Ok;
            }
            var chosen = parsed.GetValue(method);
            var total = SampleSize.ForStratifiedProportion(e, strata, chosen, c);
            var allocation = SampleSize.Allocate(total.Required, strata, chosen);
            var table = new Table().Title($"{chosen} allocation of {total.Required:N0} audits by {Markup.Escape(dimension)}")
                .AddColumns(dimension, "decisions", "rate used", "audits", "sampling rate");
            foreach (var a in allocation)
            {
                var rate = observed.TryGetValue(a.Name, out var seen) ? $"{seen:P1} (observed)" : $"{p:P1} (expected)";
                table.AddRow(Markup.Escape(a.Name), a.Population.ToString("N0", CultureInfo.InvariantCulture), rate, a.SampleSize.ToString("N0", CultureInfo.InvariantCulture),
                    ((double)a.SampleSize / a.Population).ToString("P2", CultureInfo.InvariantCulture));
            }
            context.Out.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
