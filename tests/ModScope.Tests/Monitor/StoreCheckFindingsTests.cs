using ModScope.Catalog;
using ModScope.Model;
using ModScope.Monitor.Findings;
using ModScope.Store;

namespace ModScope.Tests.Monitor;

/// <summary>
/// <c>modscope check</c>'s items are structure (<see cref="StoreCheckItem"/>) worded per language by the findings'
/// renderer. The sentences are written by hand: English as the command always said it, Chinese in its natural order
/// (the table first, the count of rows with its measure word) with full-width punctuation and quotes.
/// </summary>
public sealed class StoreCheckFindingsTests
{
    private static readonly MetricCatalog Catalog = CatalogLoader.LoadDefault();
    private static readonly FindingRenderer English = new(Catalog, ReferenceData.Empty, "en");
    private static readonly FindingRenderer Chinese = new(Catalog, ReferenceData.Empty, "zh-Hans");

    public static TheoryData<StoreCheckItem, string, string> Items => new()
    {
        {
            new StoreCheckItem(StoreCheckKind.Checksum, true, "decisions"),
            "table decisions: every block's checksum",
            "表 decisions：每个数据块的校验和均正确"
        },
        {
            new StoreCheckItem(StoreCheckKind.Checksum, false, "qa_audits", Detail: "Corrupt database file: block checksum mismatch"),
            "table qa_audits cannot be read: Corrupt database file: block checksum mismatch",
            "表 qa_audits 无法读取：Corrupt database file: block checksum mismatch"
        },
        {
            new StoreCheckItem(StoreCheckKind.SchemaVersion, true, "schema_migrations", Count: 8, Expected: 10),
            "schema version 8 (opening the store migrates it to 10)",
            "架构版本 8（打开存储时会迁移到 10）"
        },
        {
            new StoreCheckItem(StoreCheckKind.SchemaVersion, false, "schema_migrations", Count: 12, Expected: 10),
            "schema version 12 is newer than this ModScope understands (10)",
            "架构版本 12 高于此版本 ModScope 能识别的版本（10）"
        },
        {
            new StoreCheckItem(StoreCheckKind.RowsWithoutDecision, false, "appeals", "decision_id", 1_204, Examples: ["AP1", "AP7"]),
            "1,204 appeals rows whose decision (decision_id) is not stored (e.g. 'AP1', 'AP7')",
            "表 appeals 中有 1,204 行的决策（decision_id）未存储（例如“AP1”、“AP7”）"
        },
        {
            new StoreCheckItem(StoreCheckKind.RowsWithoutFile, true, "quarantine"),
            "no quarantine rows of no recorded file",
            "表 quarantine 中没有来源文件未记录的行"
        },
        {
            new StoreCheckItem(StoreCheckKind.FileCountsDisagree, false, "files", Count: 2, Examples: ["d-1.csv", "d-2.csv"]),
            "2 files whose rows read are not rows loaded + quarantined (e.g. 'd-1.csv', 'd-2.csv')",
            "表 files 中有 2 个文件的读取行数不等于加载行数加隔离行数（例如“d-1.csv”、“d-2.csv”）"
        },
        {
            new StoreCheckItem(StoreCheckKind.RowsWaiting, true, "queues", Count: 1_204, Examples: ["queues-acme.csv:2 market"]),
            "1,204 queues rows wait for a code or a decision not loaded yet (e.g. 'queues-acme.csv:2 market')",
            "表 queues 中有 1,204 行在等待尚未加载的代码或决策（例如“queues-acme.csv:2 market”）"
        },
        {
            new StoreCheckItem(StoreCheckKind.RowsWaiting, true),
            "no rows wait for a code or a decision not loaded yet",
            "没有等待尚未加载的代码或决策的行"
        },
        {
            new StoreCheckItem(StoreCheckKind.NotAStore, false, "schema_migrations"),
            "no schema_migrations table: not a ModScope store",
            "没有 schema_migrations 表：这不是 ModScope 存储"
        },
    };

    [Theory]
    [MemberData(nameof(Items))]
    public void Each_item_of_a_store_check_reads_in_english_and_chinese(StoreCheckItem item, string english, string chinese)
    {
        var facts = StoreCheckFindings.Of(item);

        Assert.Equal(english, English.Render(facts));
        Assert.Equal(chinese, Chinese.Render(facts));
    }

    [Fact]
    public void Every_kind_of_item_has_words_whether_it_passed_or_not()
    {
        foreach (var kind in Enum.GetValues<StoreCheckKind>())
        {
            foreach (var passed in new[] { true, false })
            {
                var item = new StoreCheckItem(kind, passed, "t", "c", 3, 10, ["k"], "engine words");
                Assert.False(string.IsNullOrWhiteSpace(English.Render(StoreCheckFindings.Of(item))), $"{kind} {passed} en");
                Assert.False(string.IsNullOrWhiteSpace(Chinese.Render(StoreCheckFindings.Of(item))), $"{kind} {passed} zh-Hans");
            }
        }
    }
}
