using ModScope.Common;

namespace ModScope.Service;

/// <summary>A service configuration with problems: every one of them, each with file, line and field.</summary>
public sealed class ServiceConfigException : ModScopeException
{
    public ServiceConfigException(IReadOnlyList<CatalogIssue> issues)
        : base($"{issues.Count} problem(s) in the service configuration: " + string.Join("; ", issues)) => Issues = issues;

    public ServiceConfigException(string message) : base(message) => Issues = [];

    public ServiceConfigException(string message, Exception inner) : base(message, inner) => Issues = [];

    public ServiceConfigException() => Issues = [];

    public IReadOnlyList<CatalogIssue> Issues { get; }
}
