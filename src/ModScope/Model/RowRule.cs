namespace ModScope.Model;

/// <summary>
/// A rule across columns of one row, written as a SQL boolean over typed columns that must hold.
/// The expression only uses standard SQL (comparisons, IS NULL, AND/OR) so every engine can run it.
/// </summary>
/// <param name="Name">Stable rule name recorded in quarantine (e.g. <c>decided_before_created</c>).</param>
/// <param name="Field">The field blamed when the rule fails.</param>
/// <param name="HoldsSql">Boolean SQL over the typed column names; NULL counts as holding.</param>
/// <param name="Message">Human-readable statement of the rule.</param>
public sealed record RowRule(string Name, string Field, string HoldsSql, string Message);
