using ModScope.Common;

namespace ModScope.Catalog;

/// <summary>A catalogue that cannot be used; <see cref="Issues"/> lists every problem found, not just the first.</summary>
public sealed class CatalogException : ModScopeException
{
    public CatalogException(IReadOnlyList<CatalogIssue> issues)
        : base(Describe(issues)) => Issues = issues;

    public CatalogException(string message) : base(message) => Issues = [];

    public CatalogException(string message, Exception inner) : base(message, inner) => Issues = [];

    public CatalogException() => Issues = [];

    public IReadOnlyList<CatalogIssue> Issues { get; }

    private static string Describe(IReadOnlyList<CatalogIssue> issues) =>
        $"{issues.Count} problem(s) in the catalogue:{Environment.NewLine}" + string.Join(Environment.NewLine, issues.Select(i => "  " + i));
}
