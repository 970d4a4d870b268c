using ModScope.Common;

namespace ModScope.Reports;

/// <summary>
/// A report that cannot be built as asked (unknown region, no decisions in the period, ...): bad input that names the
/// <see cref="Parameter"/> at fault (<c>period</c>, <c>region</c>, <c>market</c>), so each host can point at it.
/// </summary>
public sealed class ReportRequestException(string parameter, string message, Exception? inner = null) : ModScopeException(message, inner)
{
    public string Parameter { get; } = parameter;

    /// <summary>The refused value's facts (kind, value, accepted values), where the throw site knows them.</summary>
    public ProblemReason? Reason { get; init; }
}
