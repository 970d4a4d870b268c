using ModScope.Common;

namespace ModScope.Query;

/// <summary>A request that cannot be answered as asked (unknown metric or dimension, a dimension a metric lacks, a bad period).</summary>
public sealed class MetricRequestException : ModScopeException
{
    public MetricRequestException(string message) : base(message) { }
    public MetricRequestException(string message, Exception inner) : base(message, inner) { }
    public MetricRequestException() { }
}
