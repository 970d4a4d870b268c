using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;
using ModScope.Common;
using ModScope.Query;
using ModScope.Web.Access;

namespace ModScope.Web.Api;

/// <summary>
/// <c>/api/query</c>, <c>/api/sql</c> and the CSV / XLSX exports: one metric request each, as <c>modscope query</c>,
/// within the caller's scope; moderator and auditor ids are pseudonyms for a caller whose role may not see people.
/// </summary>
internal static class QueryEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/query", async ([AsParameters] QueryParameters p, HttpContext http, Dashboard dashboard, CancellationToken cancellationToken) =>
        {
            var (request, language, rows) = await RunAsync(p, Caller.Of(http), dashboard, cancellationToken).ConfigureAwait(false);
            var compared = request.Comparison == Comparison.None ? null : PeriodView.From(PeriodParser.Compare(request.Period, request.Comparison), language);
            return Results.Ok(new QueryAnswer(PeriodView.From(request.Period, language), compared,
                RowTargets.Apply(rows, request, dashboard.Catalog, dashboard.Reference), RowTargets.Axes(request, dashboard.Catalog, language)));
        }).Expensive().WithName("Query").WithSummary("Metrics × dimensions × grain × filters × period, with an optional comparison.");

        api.MapGet("/sql", ([AsParameters] QueryParameters p, HttpContext http, Dashboard dashboard) =>
            Results.Text(dashboard.Query.Plan(RequestReader.Read(p, dashboard, Caller.Of(http).Scope)).Explain(), "text/plain; charset=utf-8"))
            .WithName("Sql").WithSummary("The SQL the request compiles to, with its parameters (as 'modscope query --explain').");

        api.MapGet("/export.csv", async ([AsParameters] QueryParameters p, HttpContext http, Dashboard dashboard, CancellationToken cancellationToken) =>
        {
            var (request, _, rows) = await RunAsync(p, Caller.Of(http), dashboard, cancellationToken).ConfigureAwait(false);
            var table = ExportTable.Rows(request, rows);
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
            {
                var columns = table.FirstOrDefault()?.Keys.ToList() ?? ["metric"];
                foreach (var column in columns)
                {
                    csv.WriteField(column);
                }
                await csv.NextRecordAsync().ConfigureAwait(false);
                foreach (var row in table)
                {
                    foreach (var column in columns)
                    {
                        // Text from the data (dimension values) may look like a formula; numbers are written as numbers.
                        csv.WriteField(row[column] switch
                        {
                            string value => CsvCell.Text(value),
                            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                            var other => other?.ToString(),
                        });
                    }
                    await csv.NextRecordAsync().ConfigureAwait(false);
                }
            }
            return Results.File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", "modscope-query.csv");
        }).Expensive().RequireAnalystOrLocal().WithName("ExportCsv").WithSummary("The query's table as CSV; text cells that start like a formula (=, +, -, @) get a leading apostrophe (analyst role).");

        api.MapGet("/export.xlsx", async ([AsParameters] QueryParameters p, HttpContext http, Dashboard dashboard, CancellationToken cancellationToken) =>
        {
            var (request, _, rows) = await RunAsync(p, Caller.Of(http), dashboard, cancellationToken).ConfigureAwait(false);
            var stream = new MemoryStream();
            await stream.SaveAsAsync(ExportTable.Rows(request, rows), sheetName: "query", excelType: ExcelType.XLSX, cancellationToken: cancellationToken).ConfigureAwait(false);
            stream.Position = 0;
            return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "modscope-query.xlsx");
        }).Expensive().RequireAnalystOrLocal().WithName("ExportXlsx").WithSummary("The query's table as an Excel workbook (analyst role).");
    }

    private static async Task<(MetricRequest Request, string Language, IReadOnlyList<QueryRow> Rows)> RunAsync(
        QueryParameters p, Caller caller, Dashboard dashboard, CancellationToken cancellationToken)
    {
        var language = RequestReader.Language(p.Lang);
        var request = RequestReader.Read(p, dashboard, caller.Scope);
        var pseudonyms = caller.MaySeePeople ? null : dashboard.Pseudonyms;
        if (pseudonyms is not null && request.Filters.FirstOrDefault(f => Pseudonyms.PeopleDimensions(dashboard.Catalog).Contains(f.Dimension)) is { } people)
        {
            throw new BadParameterException("filter", $"'{people.Dimension}' ids are shown as pseudonyms to a {caller.Role.ToString().ToLowerInvariant()}; filtering by one needs the analyst role.", new(ProblemKind.NotAllowed, people.Dimension, "filter"));
        }
        var results = await dashboard.RunAsync(request, cancellationToken).ConfigureAwait(false);
        results = pseudonyms is null ? results : pseudonyms.Hide(results, dashboard.Catalog);
        return (request, language, results.Select(r => QueryRow.From(r, dashboard.Catalog.Metric(r.Metric), language, request.Comparison)).ToList());
    }
}
