using ModScope.Common;

namespace ModScope.Sources;

/// <summary>A source mapping that cannot be used; <see cref="Issues"/> lists every problem (file, line, field).</summary>
public sealed class SourceMappingException : ModScopeException
{
    public SourceMappingException(IReadOnlyList<CatalogIssue> issues)
        : base(Describe(issues)) => Issues = issues;

    public SourceMappingException(string message) : base(message) => Issues = [];

    public SourceMappingException(string message, Exception inner) : base(message, inner) => Issues = [];

    public SourceMappingException() => Issues = [];

    public IReadOnlyList<CatalogIssue> Issues { get; }

    private static string Describe(IReadOnlyList<CatalogIssue> issues) =>
        $"{issues.Count} problem(s) in the source mapping:{Environment.NewLine}" + string.Join(Environment.NewLine, issues.Select(i => "  " + i));
}
