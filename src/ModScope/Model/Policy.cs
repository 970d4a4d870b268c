namespace ModScope.Model;

/// <summary>A moderation policy; leaves have a parent (reference/policies.csv), as valid from <see cref="ValidFrom"/>.</summary>
public sealed record Policy(string PolicyId, string? ParentId, string NameEn, string NameZh, string Severity, DateOnly ValidFrom)
{
    public bool IsLeaf => ParentId is not null;
}
