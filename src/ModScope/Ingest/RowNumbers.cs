using ModScope.Common;
using ModScope.Model;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// Numbers a batch's rows with one narrow read: <c>WITH ORDINALITY</c> (which runs on one thread) over the
/// files, keeping only each row's file, ordinal and a hash of its key (trimmed as the checks trim it) in
/// <c>stg_lines</c>. When no two rows of a file share a hash there, the wide read that checks and inserts the
/// rows runs in parallel without ordinality and takes each row's ordinal from <c>stg_lines</c> by file and
/// hash; otherwise (a repeated or missing key) it numbers the rows itself, as before.
/// </summary>
/// <param name="ByKey">Each (file, key hash) is unique, so rows can take their ordinal by it.</param>
/// <param name="UniqueInBatch">No key hash occurs twice in the batch and the stored key is the trimmed text,
/// so the stored rows of the batch cannot hold a duplicate key.</param>
internal sealed record RowNumbers(bool ByKey, bool UniqueInBatch)
{
    private const string Table = "stg_lines";

    /// <summary>
    /// Reads the batch once (its rejects going to <paramref name="rejects"/>) into <c>stg_lines</c>. DuckDB checks
    /// UTF-8 only in the CSV columns a query uses, so unless hashing found every file valid UTF-8, a CSV read touches
    /// every column (a length test that always holds); it then rejects the same lines as the wide read, and the
    /// ordinals agree.
    /// </summary>
    public static RowNumbers Build(SqlRunner sql, FileBatch batch, SourcePlan plan, string rejects)
    {
        var table = batch.First.Table;
        var files = batch.Files.Count;
        var touch = batch.First.Format == InputFormat.Csv && !batch.ValidUtf8
            ? " WHERE " + string.Join(" + ", plan.Columns.Select(c => $"strlen(src.{Quote(c)})")) + " IS DISTINCT FROM -1"
            : "";
        sql.Execute($"CREATE OR REPLACE TEMP TABLE {Table} AS SELECT __file, __gord, {KeyHash(table)} AS __key FROM ({plan.Select(rejects)}) src{touch}");
        // With one file, (file, key) is unique exactly when the key is: one distinct count serves both.
        var (rows, perFile, inBatch) = files == 1
            ? sql.Rows($"SELECT count(*), count(DISTINCT __key) FROM {Table}", r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(1)))[0]
            : sql.Rows($"SELECT count(*), (SELECT count(*) FROM (SELECT DISTINCT __file, __key FROM {Table})), count(DISTINCT __key) FROM {Table}",
                r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)))[0];
        var textKeys = table.Key.All(k => table.Find(k) is { Kind: ColumnKind.Text, DefaultValue: null });
        return new RowNumbers(perFile == rows, perFile == rows && inBatch == rows && textKeys);
    }

    /// <summary>The SELECT reading the batch for the checks: numbered by key when it can be, else by ordinality.</summary>
    public string Source(TableSchema table, SourcePlan plan, string rejects) =>
        ByKey ? plan.SelectNumberedBy(rejects, Table, KeyHash(table)) : plan.Select(rejects);

    public static void Drop(SqlRunner sql) => sql.Execute($"DROP TABLE IF EXISTS {Table}");

    /// <summary>Equal keys hash alike, so distinct hashes prove distinct keys.</summary>
    private static string KeyHash(TableSchema table) =>
        $"hash({string.Join(", ", table.Key.Select(k => ColumnChecks.RawExpression(table.Find(k)!)))})";
}
