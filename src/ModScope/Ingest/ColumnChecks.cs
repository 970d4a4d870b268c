using System.Globalization;
using ModScope.Model;
using ModScope.Store;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// The SQL for one column: how its text becomes a typed value, and the checks (rule, message) its
/// value must pass, in the order they are tried. Raw text is in <c>"raw$col"</c>, the typed value in
/// <c>"col"</c>, and for timestamps whether the text carries a UTC offset in <c>"off$col"</c>.
/// </summary>
internal static class ColumnChecks
{
    // ISO-8601 date-time ending in Z or a numeric offset (DuckDB prints TIMESTAMPTZ as "... +00").
    private const string OffsetPattern = @"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*([Zz]|[+-]\d{2}(:?\d{2})?)$";

    public static string Raw(ColumnSpec column) => Quote("raw$" + column.Name);

    public static string Offset(ColumnSpec column) => Quote("off$" + column.Name);

    /// <summary>
    /// The text as it arrived, trimmed, empty as NULL. <c>trim</c> removes Unicode space separators (Zs) and
    /// copies every string, so it runs only where one can be: text starting with a byte up to a space, ending
    /// in a space, or holding any non-ASCII character.
    /// </summary>
    public static string RawExpression(ColumnSpec column)
    {
        var text = $"src.{Quote(column.Name)}";
        // Text failing the guard is not empty ('' < '!'), so only the trimmed branch can become NULL.
        return $"CASE WHEN {text} < '!' OR ends_with({text}, ' ') OR strlen({text}) <> length({text}) THEN nullif(trim({text}), '') ELSE {text} END";
    }

    /// <summary>
    /// The typed value, computed from the columns <c>raw$col</c> and <c>off$col</c> of the level below: their value
    /// translated to ours first (<see cref="ColumnSource.Values"/>), timestamps without an offset read in the column's
    /// time zone (the mapping's, else <c>$tz</c> when <paramref name="assumeTimeZone"/>), after ISO-8601 in the
    /// mapping's formats.
    /// </summary>
    public static string TypedExpression(ColumnSpec column, bool assumeTimeZone)
    {
        var raw = Raw(column);
        var text = Translated(column, raw);
        var typed = column.Kind switch
        {
            ColumnKind.Text => text,
            // DuckDB rounds '1.5' to 2 when casting to BIGINT, so whole numbers are matched first.
            ColumnKind.WholeNumber => $"CASE WHEN regexp_matches({text}, '^[+-]?[0-9]+$') THEN TRY_CAST({text} AS BIGINT) END",
            ColumnKind.Number => $"TRY_CAST({text} AS DOUBLE)",
            ColumnKind.Date => $"TRY_CAST({text} AS DATE)",
            ColumnKind.Boolean => $"TRY_CAST({text} AS BOOLEAN)",
            ColumnKind.Timestamp => Timestamp(column, text, assumeTimeZone),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "Unknown column kind."),
        };
        if (column.DefaultValue is not null)
        {
            typed = $"coalesce({typed}, CASE WHEN {raw} IS NULL THEN CAST({Literal(column.DefaultValue)} AS {DuckDbTypes.Of(column.Kind)}) END)";
        }
        return typed;
    }

    /// <summary>Their value as ours, by the mapping's list (a CASE over constants); unlisted values stay as they are.</summary>
    private static string Translated(ColumnSpec column, string raw) =>
        column.Source?.Values is { Count: > 0 } values
            ? $"CASE {raw} {string.Join(" ", values.Select(v => $"WHEN {Literal(v.Key)} THEN {Literal(v.Value)}"))} ELSE {raw} END"
            : raw;

    /// <summary>
    /// The instant as UTC wall time: make_timestamp(epoch_us(...)) instead of ::TIMESTAMP, which goes through an ICU
    /// calendar per row and does not depend on the session's time zone. Text with an offset is an instant; text
    /// without one is wall time (ISO-8601, else one of the mapping's formats) in the column's time zone.
    /// </summary>
    private static string Timestamp(ColumnSpec column, string text, bool assumeTimeZone)
    {
        var zone = TimeZoneOf(column, assumeTimeZone);
        var wall = column.Source?.TimestampFormats is { Count: > 0 } formats
            ? $"coalesce(TRY_CAST({text} AS TIMESTAMP), try_strptime({text}, [{string.Join(", ", formats.Select(Literal))}]))"
            : $"TRY_CAST({text} AS TIMESTAMP)";
        var local = zone is null ? "" : $"ELSE timezone({zone}, {wall}) ";
        return $"make_timestamp(epoch_us(CASE WHEN {Offset(column)} THEN TRY_CAST({text} AS TIMESTAMPTZ) {local}END))";
    }

    /// <summary>SQL naming the time zone of the column's timestamps without offset, or null when they are refused.</summary>
    private static string? TimeZoneOf(ColumnSpec column, bool assumeTimeZone) =>
        column.Source?.TimeZone is { } zone ? Literal(zone) : assumeTimeZone ? "$tz" : null;

    /// <summary>Whether the trimmed text (<c>raw$col</c> of the same level) ends in a UTC offset.</summary>
    public static string OffsetExpression(ColumnSpec column) =>
        $"coalesce(regexp_matches({RawExpression(column)}, '{OffsetPattern}'), false)";

    /// <summary>C0 control characters (NUL to US, tab and line ends included) and DEL.</summary>
    private const string ControlPattern = @"[\x00-\x1f\x7f]";

    /// <summary>
    /// (condition that the row fails, rule, message SQL), in the order they are tried. <paramref name="controls"/>:
    /// the batch may hold control characters, so ids and names are checked for them. Timestamps and dates are
    /// checked against the window bound as <c>$earliest</c> and <c>$latest</c> (unless not <see cref="ColumnSpec.Windowed"/>).
    /// <paramref name="owner"/> is the name of the column's table; <paramref name="deferReferences"/>: the reference check is left
    /// out (the caller tries it after every other check, see <see cref="ReferenceCheck"/>).
    /// </summary>
    public static IEnumerable<(string Fails, string Rule, string Message)> For(ColumnSpec column, string owner, bool assumeTimeZone, bool controls,
        bool deferReferences = false)
    {
        var raw = Raw(column);
        var value = Quote(column.Name);
        var shown = $"'''' || left({raw}, 80) || ''''";
        if (column.Required)
        {
            yield return ($"{raw} IS NULL", QuarantineRules.MissingRequired, Literal($"{column.Name} is required but empty"));
        }
        if (controls && column.Kind == ColumnKind.Text && !column.IsEnum && column.References is null)
        {
            // Enumerations and references are matched against known values, so only ids and free names need this.
            yield return ($"regexp_matches({raw}, '{ControlPattern}')", QuarantineRules.ControlCharacter,
                $"{Literal(column.Name + " holds a control character (code ")} || ord(regexp_extract({raw}, '{ControlPattern}')) || " +
                $"{Literal("); ids and names may not contain C0 control characters or DEL")}");
        }
        switch (column.Kind)
        {
            case ColumnKind.WholeNumber:
                yield return ($"{raw} IS NOT NULL AND {value} IS NULL", QuarantineRules.BadWholeNumber, $"{shown} || ' is not a whole number'");
                break;
            case ColumnKind.Number:
                yield return ($"{raw} IS NOT NULL AND ({value} IS NULL OR NOT isfinite({value}))", QuarantineRules.BadNumber, $"{shown} || ' is not a number'");
                break;
            case ColumnKind.Date:
                yield return ($"{raw} IS NOT NULL AND {value} IS NULL", QuarantineRules.BadDate, $"{shown} || ' is not a date (yyyy-mm-dd)'");
                if (column.Windowed)
                {
                    yield return OutOfWindow($"CAST({value} AS TIMESTAMP)", shown);
                }
                break;
            case ColumnKind.Boolean:
                yield return ($"{raw} IS NOT NULL AND {value} IS NULL", QuarantineRules.BadBoolean, $"{shown} || ' is not true or false'");
                break;
            case ColumnKind.Timestamp:
                if (TimeZoneOf(column, assumeTimeZone) is null)
                {
                    yield return ($"{raw} IS NOT NULL AND NOT {Offset(column)} AND TRY_CAST({raw} AS TIMESTAMP) IS NOT NULL",
                        QuarantineRules.TimestampWithoutOffset,
                        $"{shown} || ' has no UTC offset; add one (Z, +08:00), pass --assume-timezone or give the mapping a time_zone'");
                }
                var formats = column.Source?.TimestampFormats is { Count: > 0 } list ? $" nor in the mapping's format {string.Join(" or ", list)}" : "";
                yield return ($"{raw} IS NOT NULL AND {value} IS NULL", QuarantineRules.BadTimestamp,
                    $"{shown} || {Literal($" is not an ISO-8601 timestamp{formats}")}");
                yield return OutOfWindow(value, shown);
                break;
        }
        if (column.IsEnum)
        {
            // list_contains over a constant list: cheaper per row than the join DuckDB plans for NOT IN.
            var list = string.Join(", ", column.AllowedValues!.Select(Literal));
            yield return ($"{value} IS NOT NULL AND NOT list_contains([{list}], {value})", QuarantineRules.UnknownValue,
                $"{shown} || {Literal($" is not a valid {column.Name}; expected one of: {string.Join(", ", column.AllowedValues!)}")}");
        }
        if (column.MinValue is { } min)
        {
            var bound = min.ToString(CultureInfo.InvariantCulture);
            yield return ($"{value} < {bound}", QuarantineRules.BelowMinimum, $"{shown} || {Literal($" is below the minimum {bound} for {column.Name}")}");
        }
        if (column.MaxValue is { } max)
        {
            var bound = max.ToString(CultureInfo.InvariantCulture);
            yield return ($"{value} > {bound}", QuarantineRules.AboveMaximum, $"{shown} || {Literal($" is above the maximum {bound} for {column.Name}")}");
        }
        if (column.References is not null && !deferReferences)
        {
            yield return ReferenceCheck(column, owner, waits: false);
        }
    }

    /// <summary>
    /// The check that a given value names a stored row of the referenced table (<see cref="ColumnSpec.References"/>).
    /// <paramref name="waits"/>: the row waits as pending when it fails, so the message says so.
    /// </summary>
    public static (string Fails, string Rule, string Message) ReferenceCheck(ColumnSpec column, string owner, bool waits)
    {
        var reference = column.References!;
        var value = Quote(column.Name);
        var (table, key) = (reference.Split('.')[0], reference.Split('.')[1]);
        // A reference into the file's own table (a policy's parent) may also name a row of the same batch.
        var ownBatch = table == owner ? $" AND NOT list_contains((SELECT list({Quote(key)}) FROM typed), {value})" : "";
        var outcome = waits ? $" (reference {reference}) yet; the row waits (pending) until a load brings it" : $" (reference {reference})";
        // An absent cell that took the column's default names nothing, so only a given value is looked up.
        return ($"{Raw(column)} IS NOT NULL AND NOT list_contains((SELECT list({Quote(key)}) FROM {Quote(table)}), {value}){ownBatch}",
            QuarantineRules.UnknownReference,
            $"'''' || left({Raw(column)}, 80) || '''' || {Literal($" is not a known {column.Name}{outcome}")}");
    }

    /// <summary>
    /// A value outside the plausible window (<see cref="IngestOptions.Earliest"/> .. <see cref="IngestOptions.Latest"/>),
    /// infinity included: one year typo would otherwise move every "latest week" into the future.
    /// </summary>
    private static (string, string, string) OutOfWindow(string value, string shown) =>
        ($"({value} < $earliest OR {value} > $latest)", QuarantineRules.TimestampOutOfRange,
            $"{shown} || ' is outside the accepted window ' || strftime($earliest, '%Y-%m-%d %H:%M') || ' to ' || " +
            "strftime($latest, '%Y-%m-%d %H:%M') || ' UTC (ingest --earliest/--latest)'");
}
