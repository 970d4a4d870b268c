namespace ModScope.Store;

/// <summary>What <see cref="StoreCheck"/> found: every item it checked, in order; the store is sound when each passed.</summary>
public sealed record StoreCheckResult(IReadOnlyList<StoreCheckItem> Items)
{
    public IEnumerable<StoreCheckItem> Checked => Items.Where(i => i.Passed);

    public IReadOnlyList<StoreCheckItem> Problems => Items.Where(i => !i.Passed).ToList();

    public bool Sound => Items.All(i => i.Passed);
}
