using ModScope.Common;

namespace ModScope.Query;

/// <summary>
/// A request that cannot be answered as asked (unknown metric or dimension, a dimension a metric lacks, a bad period).
/// <see cref="Reason"/>, where set, holds the facts for a reader in another language (an unknown filter value: its
/// dimension, the value, the known ones).
/// </summary>
public sealed class MetricRequestException : ModScopeException
{
    public MetricRequestException(string message) : base(message) { }
    public MetricRequestException(string message, Exception inner) : base(message, inner) { }
    public MetricRequestException() { }

    /// <summary>The refused value's kind, value and accepted values, where the throw site knows them.</summary>
    public ProblemReason? Reason { get; init; }

    /// <summary>
    /// The request's part the refusal is about, by the dashboard's parameter names (<c>metric</c>, <c>by</c>, <c>filter</c>,
    /// <c>period</c>, <c>tz</c>); null when it is about none of them (the caller's scope against the catalogue).
    /// </summary>
    public string? Parameter { get; init; }
}
