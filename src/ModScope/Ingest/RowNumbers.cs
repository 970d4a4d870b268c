using ModScope.Model;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// Numbers a batch's rows with one narrow read: <c>WITH ORDINALITY</c> (which runs on one thread) over the
/// file, keeping only each row's file, ordinal and key text (trimmed as the checks trim it) in
/// <c>stg_lines</c>. When every (file, key) occurs once there, the wide read that checks and inserts the rows
/// runs in parallel without ordinality and takes each row's ordinal from <c>stg_lines</c> by key; otherwise
/// (a repeated or missing key) it numbers the rows itself, as before.
/// </summary>
/// <param name="ByKey">Each (file, key) is unique, so rows can take their ordinal by key.</param>
/// <param name="UniqueInBatch">No key occurs twice in the batch and the stored key is the trimmed text, so the
/// stored rows of the batch cannot hold a duplicate key.</param>
internal sealed record RowNumbers(bool ByKey, bool UniqueInBatch)
{
    private const string Table = "stg_lines";

    /// <summary>
    /// Reads the batch once (its rejects going to <paramref name="rejects"/>) into <c>stg_lines</c>. DuckDB checks
    /// UTF-8 only in the CSV columns a query uses, so for CSV the read touches every column (a length test that always
    /// holds); it then rejects the same lines as the wide read, and the ordinals agree.
    /// </summary>
    public static RowNumbers Build(SqlRunner sql, TableSchema table, SourcePlan plan, InputFormat format, string rejects)
    {
        var keys = Keys(table);
        var touch = format == InputFormat.Csv
            ? " WHERE " + string.Join(" + ", plan.Columns.Select(c => $"strlen(src.{Quote(c)})")) + " IS DISTINCT FROM -1"
            : "";
        sql.Execute($"CREATE OR REPLACE TEMP TABLE {Table} AS SELECT __file, __gord, " +
                    string.Join(", ", keys.Select((k, i) => $"{k} AS {Quote(table.Key[i])}")) + $" FROM ({plan.Select(rejects)}) src{touch}");
        var hashed = string.Join(", ", table.Key.Select(Quote));
        var (perFile, inBatch) = sql.Rows(
            $"SELECT count(*) - count(DISTINCT hash(__file, {hashed})), count(*) - count(DISTINCT hash({hashed})) FROM {Table}",
            r => (r.GetInt64(0), r.GetInt64(1)))[0];
        var textKeys = table.Key.All(k => table.Find(k) is { Kind: ColumnKind.Text, DefaultValue: null });
        return new RowNumbers(perFile == 0, perFile == 0 && inBatch == 0 && textKeys);
    }

    /// <summary>The SELECT reading the batch for the checks: numbered by key when it can be, else by ordinality.</summary>
    public string Source(TableSchema table, SourcePlan plan, string rejects) =>
        ByKey ? plan.SelectNumberedBy(rejects, Table, Keys(table), table.Key) : plan.Select(rejects);

    public static void Drop(SqlRunner sql) => sql.Execute($"DROP TABLE IF EXISTS {Table}");

    private static List<string> Keys(TableSchema table) => table.Key.Select(k => ColumnChecks.RawExpression(table.Find(k)!)).ToList();
}
