namespace ModScope.Store;

/// <summary>What <see cref="StoreCheck"/> found: each check done, and each problem (none for a sound store).</summary>
public sealed record StoreCheckResult(IReadOnlyList<string> Checked, IReadOnlyList<string> Problems)
{
    public bool Sound => Problems.Count == 0;
}
