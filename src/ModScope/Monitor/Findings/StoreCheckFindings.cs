using ModScope.Store;

namespace ModScope.Monitor.Findings;

/// <summary>
/// The items of <c>modscope check</c> (<see cref="StoreCheckItem"/>, structure made by <see cref="StoreCheck"/>) as
/// findings: a <c>check.*</c> template of <c>findings.{lang}.json</c> and its facts, so <see cref="FindingRenderer"/>
/// words them in each language as it words the monitor's. Tables and columns are the store's own names (what a SQL
/// reader types); an engine's error is shown in its own words.
/// </summary>
public static class StoreCheckFindings
{
    public static FindingFacts Of(StoreCheckItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var table = ("table", FindingFacts.Text(item.Table ?? ""));
        var count = ("count", FindingFacts.Count(item.Count));
        var examples = ("examples", FindingFacts.Examples(item.ExampleKeys));
        var error = ("error", FindingFacts.Text(item.Detail ?? ""));
        return item.Kind switch
        {
            StoreCheckKind.Checksum => item.Passed ? FindingFacts.Of("check.checksum", table) : FindingFacts.Of("check.checksum_failed", table, error),
            StoreCheckKind.Unreadable => FindingFacts.Of("check.unreadable", error),
            StoreCheckKind.NotAStore => FindingFacts.Of("check.not_a_store", table),
            StoreCheckKind.SchemaVersion => FindingFacts.Of(
                !item.Passed ? "check.version_newer" : item.Count < item.Expected ? "check.version_older" : "check.version",
                ("version", FindingFacts.Count(item.Count)), ("latest", FindingFacts.Count(item.Expected ?? item.Count))),
            StoreCheckKind.RowsWithoutFile => Rows("check.no_file", item, table, count, examples),
            StoreCheckKind.RowsWithoutDecision => Rows("check.no_decision", item, table, count, examples, ("column", FindingFacts.Text(item.Column ?? ""))),
            StoreCheckKind.FilesWithoutLoad => Rows("check.no_load", item, table, count, examples),
            StoreCheckKind.FileCountsDisagree => Rows("check.counts", item, table, count, examples),
            StoreCheckKind.RowsWaiting => item.Table is null ? FindingFacts.Of("check.waiting.none") : FindingFacts.Of("check.waiting", table, count, examples),
            _ => throw new ArgumentOutOfRangeException(nameof(item), item.Kind, "Unknown kind of store check."),
        };
    }

    /// <summary>A count of offending rows: <c>{key}.ok</c> when there are none, else <c>{key}</c> with the count and examples.</summary>
    private static FindingFacts Rows(string key, StoreCheckItem item, params (string, FindingFact)[] facts) =>
        FindingFacts.Of(item.Passed ? key + ".ok" : key, facts);
}
