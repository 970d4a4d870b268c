using System.Globalization;
using ModScope.Monitor.Quality;
using ModScope.Query;

namespace ModScope.Cli.Views;

/// <summary>Why a query answered no row: no data at all, a period after the data's last day, or nothing matching in it.</summary>
internal static class EmptyResultNote
{
    public static async Task<string> WhyAsync(IMetricEngine engine, MetricRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var last = await EngineWatermarks.LatestDecisionDayAsync(engine, cancellationToken).ConfigureAwait(false);
        var period = $"{request.Period.Label} ({request.Period.Start:yyyy-MM-dd} to {request.Period.End.AddDays(-1):yyyy-MM-dd})";
        var filters = request.Filters.Count == 0 ? "" : " with " + string.Join(", ", request.Filters.Select(Text));
        return last switch
        {
            null => "No rows: the store holds no decisions yet; load some with 'modscope ingest'.",
            { } day when DateOnly.FromDateTime(request.Period.Start) > day =>
                string.Create(CultureInfo.InvariantCulture, $"No rows: {period} starts after the data's last day, {day:yyyy-MM-dd}."),
            { } day => string.Create(CultureInfo.InvariantCulture, $"No rows: no data in {period}{filters}; the data's last day is {day:yyyy-MM-dd}."),
        };
    }

    private static string Text(DimensionFilter f) =>
        $"{f.Dimension}{(f.Operator == FilterOperator.NotIn ? "!=" : "=")}{string.Join(',', f.Values)}";
}
