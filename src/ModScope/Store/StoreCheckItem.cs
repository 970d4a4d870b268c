namespace ModScope.Store;

/// <summary>
/// One thing <see cref="StoreCheck"/> checked, as structure rather than words: its kind, whether it passed, the table and
/// column it is about, the count it found (rows, or the schema version) against the <paramref name="Expected"/> one where
/// there is one, up to three example keys of offending rows, and the engine's own words for a failure. Rendered per
/// language by <c>Monitor/Findings/StoreCheckFindings</c>.
/// </summary>
public sealed record StoreCheckItem(
    StoreCheckKind Kind,
    bool Passed,
    string? Table = null,
    string? Column = null,
    long Count = 0,
    long? Expected = null,
    IReadOnlyList<string>? Examples = null,
    string? Detail = null)
{
    /// <summary>The example keys (none when the check passed or its rows have no key).</summary>
    public IReadOnlyList<string> ExampleKeys => Examples ?? [];

    /// <summary>Equal when every field is, the examples compared item by item (a record's own equality compares the list by reference).</summary>
    public bool Equals(StoreCheckItem? other) =>
        other is not null && Kind == other.Kind && Passed == other.Passed && Table == other.Table && Column == other.Column
        && Count == other.Count && Expected == other.Expected && Detail == other.Detail && ExampleKeys.SequenceEqual(other.ExampleKeys);

    public override int GetHashCode() => HashCode.Combine(Kind, Passed, Table, Column, Count);
}
