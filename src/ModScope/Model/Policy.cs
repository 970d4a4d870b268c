namespace ModScope.Model;

/// <summary>A moderation policy; leaves have a parent (reference/policies.csv).</summary>
public sealed record Policy(string PolicyId, string? ParentId, string NameEn, string NameZh, string Severity)
{
    public bool IsLeaf => ParentId is not null;
}
