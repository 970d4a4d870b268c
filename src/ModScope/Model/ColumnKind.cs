namespace ModScope.Model;

/// <summary>The logical type of an event column, independent of any engine's SQL type.</summary>
public enum ColumnKind
{
    Text,
    WholeNumber,
    Number,
    /// <summary>An instant, stored in UTC. Inputs must carry an offset unless a time zone is assumed.</summary>
    Timestamp,
    /// <summary>A calendar date (staffing days).</summary>
    Date,
    /// <summary>true or false (an extra column a source mapping declares as <c>boolean</c>).</summary>
    Boolean,
}
