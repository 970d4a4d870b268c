using ModScope.Store;
using System.CommandLine;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Calendar;
using ModScope.Query;
using ModScope.Rendering;
using ModScope.Reports;
using Spectre.Console;

namespace ModScope.Cli.Commands;

/// <summary>
/// <c>modscope report --period 2026-W46|2026-11|last-week --audience exec|regional|quality [--region SEA|--market ID]
/// --lang en|zh-Hans --format html|md|pdf|xlsx --out FILE</c>.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var period = new Option<string>("--period") { Description = "Period: 2026-W46 (ISO week), 2026-11 (month), last-week, last-month, or any query period.", DefaultValueFactory = _ => "last-week" };
        var audience = new Option<string>("--audience") { Description = "exec (one page), regional (with --region or --market) or quality.", DefaultValueFactory = _ => "exec" };
        var region = new Option<string?>("--region") { Description = "Region for a regional report (SEA, UK, EU, US, LATAM, MENA, JP)." };
        var market = new Option<string?>("--market") { Description = "Market for a regional report (ISO code, e.g. ID)." };
        var language = CommonOptions.Language();
        var format = new Option<string?>("--format") { Description = "html, md, pdf or xlsx (default: from the --out extension, else html)." };
        var output = new Option<string?>("--out") { Description = "File to write (default: report-<audience>-<lang>.<format>)." };
        var timeZone = new Option<string>("--tz") { Description = "Time zone for the period (IANA).", DefaultValueFactory = _ => "UTC" };
        var asOf = new Option<DateTime?>("--as-of") { Description = "Evaluate relative periods (last-week) as of this date (default: the day after the data's newest decision day)." };
        var store = CommonOptions.Store();
        store.Description = "DuckDB store: the data with --engine duckdb; with --engine clickhouse only the alerts (created if missing).";
        var catalog = CatalogOption.Create();
        var engineOption = new EngineOption();
        var command = new Command("report", "Write a business-review report (exec, regional or quality) as HTML, Markdown, PDF or XLSX, in English or Chinese.")
        {
            period, audience, region, market, language, format, output, timeZone, asOf, store, catalog,
        };
        engineOption.AddTo(command);
        command.SetAction((parsed, cancellationToken) => CliApp.Guard(context, parsed, async () =>
        {
            var who = ParseAudience(parsed.GetValue(audience)!);
            var (regionName, marketName) = (parsed.GetValue(region), parsed.GetValue(market));
            if (regionName is not null && marketName is not null)
            {
                throw new UsageException("Give --region or --market, not both.");
            }
            if (who == ReportAudience.Regional && regionName is null && marketName is null)
            {
                throw new UsageException("A regional report needs --region (e.g. SEA) or --market (e.g. ID).");
            }
            var lang = parsed.GetValue(language)!;
            if (lang is not ("en" or "zh-Hans" or "zh"))
            {
                throw new UsageException($"--lang must be en or zh-Hans, not '{lang}'.");
            }
            lang = lang == "zh" ? "zh-Hans" : lang;
            var fmt = ParseFormat(parsed.GetValue(format), parsed.GetValue(output));
            _ = CommonOptions.ParsePeriod(parsed.GetValue(period)!, parsed.GetValue(timeZone)!, parsed.GetValue(asOf)); // a usage error before the store opens
            var path = parsed.GetValue(output) ?? $"report-{who.ToString().ToLowerInvariant()}-{lang}.{fmt.ToString().ToLowerInvariant()}";
            if (fmt == ReportFormat.Pdf)
            {
                _ = Rendering.PdfRenderer.Chromium(); // fail before the work when no browser is installed
            }

            var loaded = CatalogOption.Load(parsed.GetValue(catalog));
            using var opened = engineOption.OpenStore(parsed, parsed.GetValue(store)!, writable: false);
            var engine = engineOption.EngineFor(parsed, opened);
            using var disposeEngine = (IDisposable)engine;
            var reference = engine.Reference; // the store's, or the ClickHouse cluster's
            var zone = parsed.GetValue(timeZone)!;
            var anchor = await CommonOptions.AnchorAsync(engine, parsed.GetValue(asOf), cancellationToken).ConfigureAwait(false);
            var periodValue = CommonOptions.ParsePeriod(parsed.GetValue(period)!, zone, anchor.AsOf);
            var scope = ReportService.Scope(reference, who, periodValue, regionName, marketName);
            if (CommonOptions.IncompleteNote(periodValue, anchor.DataEnd) is { } note)
            {
                await context.Error.WriteLineAsync(note).ConfigureAwait(false);
            }
            var service = new ReportService(loaded, new MetricQuery(loaded, engine)) { Charts = new ChartRenderer(), Reference = reference, DataEnd = anchor.DataEnd, Calendar = EventCalendar.LoadLocalOrDefault(reference.Markets) };
            var alerts = new AlertStore(opened);
            var data = await service.LoadAsync(scope, alerts.List(), cancellationToken).ConfigureAwait(false);
            // The explanations the report computed are kept, as `explain --alert` keeps them: the monitor's state, written here by its store
            // when the file could be opened for writing (not while `serve` holds it; the next monitor run or `explain` computes them again).
            if (opened.CanWrite)
            {
                alerts.KeepExplanations(data.Alerts);
            }
            var document = service.Builder.Compose(data, lang);
            await ReportRenderer.WriteAsync(document, fmt, path, cancellationToken).ConfigureAwait(false);
            await context.HelpOutput.WriteLineAsync($"Wrote {Path.GetFullPath(path)} ({document.Sections.Sum(s => s.Paragraphs.Count)} facts, {document.Appendix.Sources.Count} sources).").ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// The demo's step: the exec review of <paramref name="period"/> in English and Chinese, as HTML, Markdown and XLSX,
    /// into <paramref name="folder"/> (PDF is one more command, printed, so the demo needs no browser).
    /// </summary>
    public static async Task WriteDemoReportsAsync(CliContext context, Catalog.MetricCatalog catalog, MetricQuery query, Store.ModScopeStore store,
        Period period, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var builder = new ReportBuilder(catalog, query) { Charts = new ChartRenderer(), Reference = query.Reference, Calendar = EventCalendar.LoadLocalOrDefault(query.Reference.Markets) };
        var data = await builder.LoadAsync(ReportScope.For(ReportAudience.Exec, period), new AlertStore(store).List(), cancellationToken).ConfigureAwait(false);
        foreach (var language in new[] { "en", "zh-Hans" })
        {
            var document = builder.Compose(data, language);
            foreach (var format in new[] { ReportFormat.Html, ReportFormat.Md, ReportFormat.Xlsx })
            {
                var path = Path.Combine(folder, $"exec-{language}.{format.ToString().ToLowerInvariant()}");
                await ReportRenderer.WriteAsync(document, format, path, cancellationToken).ConfigureAwait(false);
                context.Out.WriteLine($"Wrote {Path.GetFullPath(path)}");
            }
        }
        context.Out.WriteLine(FormattableString.Invariant(
            $"PDF: modscope report --store {Path.Combine(Path.GetDirectoryName(folder) ?? ".", "modscope.duckdb")} --period {period.Start:yyyy-MM-dd}..{period.End.AddDays(-1):yyyy-MM-dd} --lang zh-Hans --out {Path.Combine(folder, "exec-zh-Hans.pdf")}"));
    }

    private static ReportAudience ParseAudience(string text) => text.ToLowerInvariant() switch
    {
        "exec" or "executive" => ReportAudience.Exec,
        "regional" or "region" => ReportAudience.Regional,
        "quality" or "qa" => ReportAudience.Quality,
        _ => throw new UsageException($"--audience must be exec, regional or quality, not '{text}'."),
    };

    private static ReportFormat ParseFormat(string? format, string? output)
    {
        var text = format ?? (output is not null ? Path.GetExtension(output).TrimStart('.') : "html");
        return text.ToLowerInvariant() switch
        {
            "html" or "htm" => ReportFormat.Html,
            "md" or "markdown" => ReportFormat.Md,
            "pdf" => ReportFormat.Pdf,
            "xlsx" => ReportFormat.Xlsx,
            _ => throw new UsageException($"--format must be html, md, pdf or xlsx, not '{text}'."),
        };
    }
}
