namespace ModScope.Model;

/// <summary>
/// One column of a table: its type, whether it must be present, the values it may take,
/// and the reference table it must point into.
/// </summary>
/// <param name="Name">Column name, as in files and in the store.</param>
/// <param name="Kind">Logical type.</param>
/// <param name="Required">A null or empty value is a validation error.</param>
/// <param name="AllowedValues">For enumerations: every allowed value (case-sensitive).</param>
/// <param name="References">For foreign keys into reference data: <c>table.column</c>.</param>
/// <param name="MinValue">For numbers: the smallest allowed value.</param>
/// <param name="MaxValue">For numbers: the largest allowed value.</param>
/// <param name="DefaultValue">For optional columns: the value an absent or empty cell takes.</param>
/// <param name="Windowed">For timestamps and dates: the value must lie in the load's plausible window (an event's
/// time); false for a reference row's <c>valid_from</c>, which may lie far back or ahead (a target from next quarter).</param>
/// <param name="Source">How a producer's files carry the column when a source mapping says so (their column name, their
/// values, their timestamp formats); null: under its own name, as it is.</param>
/// <param name="Extra">A column a source mapping adds to the table (not in the shipped schema); stored beside the others.</param>
/// <param name="CurrencyFrom">For amounts of money: the column path naming the amount's currency (a staffing row's
/// <c>hourly_cost</c> is in <c>site.cost_currency</c>); metrics read the amount converted into the reporting currency.</param>
/// <param name="Person">The column identifies a person (a moderator, an auditor): personal data, shown as a pseudonym to
/// callers whose role may not see people (<see cref="EventSchema.PersonColumns"/>).</param>
public sealed record ColumnSpec(
    string Name,
    ColumnKind Kind,
    bool Required = true,
    IReadOnlyList<string>? AllowedValues = null,
    string? References = null,
    double? MinValue = null,
    double? MaxValue = null,
    string? DefaultValue = null,
    bool Windowed = true,
    ColumnSource? Source = null,
    bool Extra = false,
    string? CurrencyFrom = null,
    bool Person = false)
{
    /// <summary>The column's name in a producer's file: their name under a source mapping, else its own.</summary>
    public string FileName => Source?.FileName ?? Name;

    /// <summary>True when the column is an enumeration.</summary>
    public bool IsEnum => AllowedValues is { Count: > 0 };
}
