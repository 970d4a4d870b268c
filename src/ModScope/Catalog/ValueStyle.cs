namespace ModScope.Catalog;

/// <summary>How many digits a value shows.</summary>
public enum ValueStyle
{
    /// <summary>Every digit a reader compares across rows: the CLI, the dashboard, spreadsheets (shares to 0.01 points).</summary>
    Table,

    /// <summary>A report's sentences and tables: shares to 0.1 points (0.01 below 10%), hours to 0.1, seconds whole, money with its unit.</summary>
    Prose,
}
