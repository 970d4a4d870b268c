namespace ModScope.Query;

/// <summary>How a filter compares a dimension with its values.</summary>
public enum FilterOperator
{
    Equals,
    In,
    NotIn,
}
