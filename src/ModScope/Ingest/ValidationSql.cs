using System.Globalization;
using System.Text;
using ModScope.Model;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// Builds the statement that checks every staged row in one pass and writes the temp table
/// <c>chk</c>: the typed columns under their own names, <c>__line</c>, <c>__fail</c> (a struct of
/// rule, field and message, NULL for a good row) and <c>__replace</c> (a newer version of a stored row).
/// The first failing check names the row's reason.
/// </summary>
internal static class ValidationSql
{
    public static string Build(TableSchema table, StagedFile staged, bool assumeTimeZone, bool hasDuplicateKeysInFile)
    {
        var keys = table.Key.Select(Quote).ToList();
        var hasVersion = table.Find("version") is not null;
        var sql = new StringBuilder();
        sql.AppendLine("CREATE OR REPLACE TEMP TABLE chk AS");
        sql.AppendLine("WITH typed AS (SELECT");
        foreach (var column in table.Columns)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"  {ColumnChecks.TypedExpression(column, assumeTimeZone)} AS {Quote(column.Name)},");
            sql.AppendLine(CultureInfo.InvariantCulture, $"  {ColumnChecks.RawExpression(column)} AS {ColumnChecks.Raw(column)},");
            if (column.Kind == ColumnKind.Timestamp)
            {
                sql.AppendLine(CultureInfo.InvariantCulture, $"  {ColumnChecks.OffsetExpression(column)} AS {ColumnChecks.Offset(column)},");
            }
        }
        sql.AppendLine(CultureInfo.InvariantCulture, $"  __ord, __raw, __json_ok, {staged.LineSql} AS __line, {staged.RawSql} AS __raw_row FROM stg),");

        // Rows already in the store with the same key (with the file they came from, for the message).
        var existingVersion = hasVersion ? "x.\"version\"" : "NULL::BIGINT";
        sql.AppendLine(CultureInfo.InvariantCulture, $"existing AS (SELECT {string.Join(", ", keys.Select(k => "x." + k))}, {existingVersion} AS __existing_version, " +
                       $"f.name AS __existing_file, x.line AS __existing_line FROM {Quote(table.Name)} x JOIN files f USING (file_id)),");
        sql.AppendLine("joined AS (SELECT typed.*, existing.__existing_version, existing.__existing_file, existing.__existing_line,");
        sql.AppendLine(hasDuplicateKeysInFile
            ? $"  row_number() OVER (PARTITION BY {string.Join(", ", keys.Select(k => "typed." + k))} ORDER BY __ord) AS __dup_rank, " +
              $"first_value(__line) OVER (PARTITION BY {string.Join(", ", keys.Select(k => "typed." + k))} ORDER BY __ord) AS __dup_first"
            : "  1 AS __dup_rank, NULL::BIGINT AS __dup_first");
        sql.AppendLine(CultureInfo.InvariantCulture, $"  FROM typed LEFT JOIN existing ON {string.Join(" AND ", keys.Select(k => $"typed.{k} = existing.{k}"))}),");
        var replace = hasVersion ? "(__existing_version IS NOT NULL AND \"version\" > __existing_version)" : "false";
        sql.AppendLine(CultureInfo.InvariantCulture, $"flagged AS (SELECT *, {replace} AS __replace FROM joined)");
        sql.AppendLine("SELECT *, CASE");
        foreach (var (fails, rule, field, message) in Checks(table, assumeTimeZone))
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"  WHEN {fails} THEN {{'rule': '{rule}', 'field': {(field is null ? "NULL" : Literal(field))}, 'message': {message}}}");
        }
        sql.AppendLine("END AS __fail FROM flagged");
        return sql.ToString();
    }

    private static IEnumerable<(string Fails, string Rule, string? Field, string Message)> Checks(TableSchema table, bool assumeTimeZone)
    {
        yield return ("NOT __json_ok", QuarantineRules.MalformedJson, null, Literal("line is not a JSON object"));
        foreach (var column in table.Columns)
        {
            foreach (var (fails, rule, message) in ColumnChecks.For(column, assumeTimeZone))
            {
                yield return (fails, rule, column.Name, message);
            }
        }
        foreach (var rule in table.Rules)
        {
            yield return ($"NOT coalesce({rule.HoldsSql}, true)", rule.Name, rule.Field, Literal(rule.Message));
        }

        var keyField = string.Join("+", table.Key);
        var keyText = string.Join(" || '/' || ", table.Key.Select(k => $"CAST({Quote(k)} AS VARCHAR)"));
        yield return ("__dup_rank > 1", QuarantineRules.DuplicateId, keyField,
            $"'duplicate {keyField} ''' || {keyText} || ''' (first on line ' || __dup_first || ' of this file)'");
        yield return ("__existing_file IS NOT NULL AND NOT __replace", QuarantineRules.DuplicateId, keyField,
            $"'{keyField} ''' || {keyText} || ''' was already loaded from ' || __existing_file || ' line ' || __existing_line" +
            (table.Find("version") is null ? "" : " || '; a replacement needs a higher version than ' || __existing_version"));

        if (table.ParentReference is { } parent)
        {
            yield return ($"{Quote(parent)} NOT IN (SELECT decision_id FROM decisions)", QuarantineRules.OrphanReference, parent,
                $"'decision ''' || {Quote(parent)} || ''' is not loaded yet; the row waits (pending) until it arrives'");
        }
    }
}
