using ModScope.Common;
using ModScope.Rendering;
using ModScope.Reports;
using ModScope.Web.Access;

namespace ModScope.Web.Api;

/// <summary>
/// <c>/api/report</c>: a business-review report built by the library's <see cref="ReportService"/> (as <c>modscope
/// report</c>), returned as a file to download. Reading only: viewers may generate reports, and a regional report's
/// alert explanations are computed for the report without being stored.
/// </summary>
internal static class ReportEndpoints
{
    public const string DefaultPeriod = "last-week";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/report", async ([AsParameters] ReportParameters p, HttpContext http, Dashboard dashboard, CancellationToken cancellationToken) =>
        {
            var caller = Caller.Of(http);
            var audience = Audience(p.Audience);
            var language = RequestReader.Language(p.Lang);
            var format = Format(p.Format);
            var zone = RequestReader.Zone(p.Tz);
            var period = RequestReader.Period(string.IsNullOrWhiteSpace(p.Period) ? DefaultPeriod : p.Period, zone, RequestReader.Now(p.AsOf, dashboard));
            var reference = dashboard.VisibleReference(caller.Scope);
            var scope = ReportService.Scope(reference, audience, period, Blank(p.Region), Blank(p.Market));
            try
            {
                var service = new ReportService(dashboard.Catalog, dashboard.Query.Within(caller.Scope)) { Charts = new ChartRenderer(), Reference = reference, Calendar = dashboard.Calendar, DataEnd = dashboard.NewestDay };
                var file = await ReportRenderer.BuildAsync(service, scope, language, format, dashboard.VisibleAlerts(caller.Scope).ToList(), cancellationToken).ConfigureAwait(false);
                return Results.File(file.Content, file.ContentType, file.FileName);
            }
            catch (FileNotFoundException ex) when (format == ReportFormat.Pdf)
            {
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF needs chromium", detail: ex.Message);
            }
        }).Expensive().RequireAnalystOrLocal().WithName("Report")
          .WithSummary("A business-review report (exec, regional or quality) for a period, in English or Chinese, as HTML, Markdown, XLSX or PDF (as 'modscope report').")
          .Produces(StatusCodes.Status200OK, contentType: ReportFile.ContentTypeOf(ReportFormat.Html))
          .Produces(StatusCodes.Status200OK, contentType: ReportFile.ContentTypeOf(ReportFormat.Md))
          .Produces(StatusCodes.Status200OK, contentType: ReportFile.ContentTypeOf(ReportFormat.Xlsx))
          .Produces(StatusCodes.Status200OK, contentType: ReportFile.ContentTypeOf(ReportFormat.Pdf))
          .ProducesValidationProblem()
          .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    public static ReportAudience Audience(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "exec" or "executive" => ReportAudience.Exec,
        "regional" or "region" => ReportAudience.Regional,
        "quality" or "qa" => ReportAudience.Quality,
        _ => throw new BadParameterException("audience", $"'{text}' is not an audience; use exec, regional or quality.", ProblemReason.Unknown("audience", text, ["exec", "regional", "quality"])),
    };

    public static ReportFormat Format(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "html" => ReportFormat.Html,
        "md" or "markdown" => ReportFormat.Md,
        "xlsx" => ReportFormat.Xlsx,
        "pdf" => ReportFormat.Pdf,
        _ => throw new BadParameterException("format", $"'{text}' is not a report format; use html, md, xlsx or pdf.", ProblemReason.Unknown("format", text, ["html", "md", "xlsx", "pdf"])),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
