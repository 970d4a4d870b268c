namespace ModScope.Query;

/// <summary>
/// One slicing of a request answered by <see cref="RequestSlices"/>: some of the request's dimensions, in their order
/// here; equal filters (one value each) on others of its dimensions; and, for a request by day, optionally a span of
/// its whole days to answer as one bucket (no grain).
/// </summary>
public sealed record MetricSlice(IReadOnlyList<string> Dimensions, IReadOnlyList<DimensionFilter> Filters, Period? Days = null)
{
    /// <summary>The request this slice stands for: the slice's dimensions, the request's filters and the slice's, its grain and period.</summary>
    public MetricRequest Of(MetricRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sliced = request with { Dimensions = Dimensions, Filters = [.. request.Filters, .. Filters] };
        return Days is null ? sliced : sliced with { Grain = TimeGrain.None, Period = Days };
    }

    /// <summary>
    /// Whether the slice can be cut from the request's own groups: its dimensions and filtered dimensions are distinct
    /// dimensions of the request, each filter equals one value, and its days are whole days of a request by day.
    /// </summary>
    public bool Within(MetricRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var named = Dimensions.Concat(Filters.Select(f => f.Dimension)).ToList();
        return named.Distinct(StringComparer.Ordinal).Count() == named.Count
               && named.All(request.Dimensions.Contains)
               && Filters.All(f => f.Operator == FilterOperator.Equals && f.Values.Count == 1)
               && (Days is null || (request.Grain == TimeGrain.Day && Days.TimeZone == request.Period.TimeZone
                                    && Days.Start == Days.Start.Date && Days.End == Days.End.Date
                                    && Days.Start >= request.Period.Start && Days.End <= request.Period.End && Days.End > Days.Start));
    }
}
