using ModScope.Common;

namespace ModScope.Web.Api;

/// <summary>
/// A query parameter the API cannot use; answered with a 400 problem naming <see cref="Parameter"/>, its English
/// message as <c>detail</c>, and <see cref="Reason"/>'s facts (kind, value, subject, accepted) for pages to word in
/// their own language. Every refusal says its reason: the constructor requires one.
/// </summary>
internal sealed class BadParameterException(string parameter, string message, ProblemReason reason, Exception? inner = null) : Exception(message, inner)
{
    public string Parameter { get; } = parameter;

    public ProblemReason Reason { get; } = reason;
}
