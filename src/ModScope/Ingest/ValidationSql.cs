using System.Globalization;
using System.Text;
using ModScope.Model;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// Builds the query that reads a batch of files and checks every row in one streaming pass, yielding the
/// typed columns under their own names, <c>__file</c>, <c>__gord</c> and <c>__file_id</c> (where the row came
/// from), <c>__fail</c> (a struct of rule, field and message, NULL for a good row), <c>__replace</c> (a newer
/// version of a stored row), <c>__existing_file</c> and <c>__raw_row</c> (the row's text, for failing rows
/// only). The first failing check names the reason. Stored rows of the batch's own files are not "existing",
/// so the query gives the same answer before and after the batch's good rows are inserted. The batch is read by
/// <c>source</c>: <see cref="SourcePlan.Select"/> or <see cref="SourcePlan.SelectNumberedBy"/>.
/// </summary>
internal static class ValidationSql
{
    /// <summary>Stands for the stored file's name in a duplicate's message until <see cref="NameExistingFiles"/> fills it in.</summary>
    public const string ExistingFile = "{existing file}";

    /// <summary>Puts the stored file's name into the messages of rows (in <c>chk0</c>) that duplicate a stored row.</summary>
    public static string NameExistingFiles() => $$"""
        UPDATE chk0 SET __fail = {'rule': __fail.rule, 'field': __fail.field, 'message': replace(__fail.message, '{{ExistingFile}}', f.name)}
        FROM files f
        WHERE chk0.__existing_file = f.file_id AND __fail.rule = '{{QuarantineRules.DuplicateId}}'
        """;

    /// <param name="waits">A row naming a reference code not loaded waits (<see cref="IngestOptions.Waits"/>): that check comes last.</param>
    public static string Build(TableSchema table, SourcePlan plan, string source, FileBatch batch, bool assumeTimeZone, bool waits)
    {
        var keys = table.Key.Select(Quote).ToList();
        var hasVersion = table.Find("version") is not null;
        var sql = new StringBuilder();
        sql.AppendLine("WITH trimmed AS (SELECT");
        foreach (var column in table.Columns)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"  {ColumnChecks.RawExpression(column)} AS {ColumnChecks.Raw(column)},");
            if (column.Kind == ColumnKind.Timestamp)
            {
                sql.AppendLine(CultureInfo.InvariantCulture, $"  {ColumnChecks.OffsetExpression(column)} AS {ColumnChecks.Offset(column)},");
            }
        }
        sql.AppendLine(CultureInfo.InvariantCulture, $"  __file, __gord, __json_ok, __raw, __nested FROM ({source}) src),");
        sql.AppendLine("typed AS (SELECT *,");
        sql.AppendLine(string.Join(",\n", table.Columns.Select(c => $"  {ColumnChecks.TypedExpression(c, assumeTimeZone)} AS {Quote(c.Name)}")));
        sql.AppendLine("  FROM trimmed),");

        // Rows already in the store with the same key. `typed` is referenced once only, so DuckDB streams it
        // instead of materialising it; the stored file's name is filled in afterwards, for the few duplicates.
        var existingVersion = hasVersion ? "x.\"version\"" : "NULL::BIGINT";
        sql.AppendLine(CultureInfo.InvariantCulture,
            $"existing AS (SELECT {string.Join(", ", keys.Select(k => "x." + k))}, {existingVersion} AS __existing_version, " +
            $"x.file_id AS __existing_file, x.line AS __existing_line FROM {Quote(table.Name)} x " +
            $"WHERE x.file_id NOT IN ({batch.IdList[1..^1]})),");
        var parentJoin = "";
        var parentColumn = "";
        if (table.ParentReference is { } parent)
        {
            sql.AppendLine(CultureInfo.InvariantCulture,
                $"parents AS (SELECT DISTINCT decision_id AS __parent FROM decisions WHERE decision_id IN (SELECT {Quote(parent)} FROM typed)),");
            parentJoin = $" LEFT JOIN parents ON typed.{Quote(parent)} = parents.__parent";
            parentColumn = ", parents.__parent";
        }
        sql.AppendLine(CultureInfo.InvariantCulture,
            $"joined AS (SELECT typed.*, existing.__existing_version, existing.__existing_file, existing.__existing_line{parentColumn}");
        sql.AppendLine(CultureInfo.InvariantCulture,
            $"  FROM typed LEFT JOIN existing ON {string.Join(" AND ", keys.Select(k => $"typed.{k} = existing.{k}"))}{parentJoin}),");
        // A reference row with a stored row's key (code and valid_from) corrects it; an event needs a higher version.
        var replace = table.ReplacesSameKey ? "(__existing_file IS NOT NULL)"
            : hasVersion ? "(__existing_version IS NOT NULL AND \"version\" > __existing_version)" : "false";
        sql.AppendLine(CultureInfo.InvariantCulture, $"flagged AS (SELECT *, {replace} AS __replace FROM joined),");
        sql.AppendLine("checked AS (SELECT *, CASE");
        // Only CSV files whose bytes hold no control byte or quote are known to be free of control characters.
        var controls = batch.First.Format != InputFormat.Csv || batch.Digests.Any(d => d.MayHoldControls);
        foreach (var (fails, rule, field, message) in Checks(table, assumeTimeZone, controls, waits))
        {
            sql.AppendLine(CultureInfo.InvariantCulture,
                $"  WHEN {fails} THEN {{'rule': '{rule}', 'field': {field}, 'message': {message}}}");
        }
        sql.AppendLine("END AS __fail FROM flagged)");
        var kept = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        var raw = Stager.RawCsv(plan.Columns.Select(c => ColumnChecks.Raw(table.Find(c)!)));
        // The quarantined row's text is rebuilt only for failing rows (CASE evaluates its branch lazily).
        sql.AppendLine(CultureInfo.InvariantCulture,
            $"SELECT {kept}, __file, __gord, {batch.IdList}[__file + 1] AS __file_id, __replace, __fail, __existing_file, CASE WHEN __fail IS NOT NULL THEN coalesce(__raw, {raw}) END AS __raw_row FROM checked");
        return sql.ToString();
    }

    /// <summary>(condition, rule, field SQL, message SQL) in the order they are tried.</summary>
    private static IEnumerable<(string Fails, string Rule, string Field, string Message)> Checks(TableSchema table, bool assumeTimeZone, bool controls,
        bool waits)
    {
        // A row that waits for a reference code is checked for it last, so one that waits passes every other check.
        yield return ("NOT __json_ok", QuarantineRules.MalformedJson, "NULL", Literal("line is not a JSON object"));
        yield return ("__nested IS NOT NULL", QuarantineRules.NestedValue, "__nested",
            "__nested || ' holds a nested value (JSON object or array, Parquet STRUCT, LIST or MAP); a scalar is expected'");
        foreach (var column in table.Columns)
        {
            foreach (var (fails, rule, message) in ColumnChecks.For(column, table.Name, assumeTimeZone, controls, waits))
            {
                yield return (fails, rule, Literal(column.Name), message);
            }
        }
        foreach (var rule in table.Rules)
        {
            yield return ($"NOT coalesce({rule.HoldsSql}, true)", rule.Name, Literal(rule.Field), Literal(rule.Message));
        }

        var keyField = string.Join("+", table.Key);
        var keyText = string.Join(" || '/' || ", table.Key.Select(k => $"CAST({Quote(k)} AS VARCHAR)"));
        yield return ("__existing_file IS NOT NULL AND NOT __replace", QuarantineRules.DuplicateId, Literal(keyField),
            $"'{keyField} ''' || {keyText} || ''' was already loaded from {ExistingFile} line ' || __existing_line" +
            (table.Find("version") is null ? "" : " || '; a replacement needs a higher version than ' || __existing_version"));

        if (waits)
        {
            foreach (var column in table.ReferenceColumns)
            {
                var (fails, rule, message) = ColumnChecks.ReferenceCheck(column, table.Name, waits: true);
                yield return (fails, rule, Literal(column.Name), message);
            }
        }
        if (table.ParentReference is { } parent)
        {
            yield return ($"{Quote(parent)} IS NOT NULL AND __parent IS NULL", QuarantineRules.OrphanReference, Literal(parent),
                $"'decision ''' || {Quote(parent)} || ''' is not loaded yet; the row waits (pending) until it arrives'");
        }
    }
}
