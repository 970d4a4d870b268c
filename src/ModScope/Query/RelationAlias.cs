namespace ModScope.Query;

/// <summary>
/// An alias in a statement and what it names, given by whoever writes the FROM clause, so a dialect writes its columns
/// from the role, never by recognising the alias's letters: the statement's own rows (<c>t</c>, literal snapshots
/// <c>e</c>), a parent row joined to each child (an audit's decision, <c>d</c>), a reference table looked up by key.
/// </summary>
public sealed record RelationAlias(string Name, RelationRole Role)
{
    public override string ToString() => Name;
}

/// <summary>What a <see cref="RelationAlias"/> names.</summary>
public enum RelationRole
{
    /// <summary>Rows read in FROM (a table, a subquery, literal rows): columns are qualified by the alias.</summary>
    Rows,

    /// <summary>The parent row of each child row (ClickHouse joins it as a subquery with prefixed column names).</summary>
    Parent,

    /// <summary>A reference table's row found by key.</summary>
    Reference,
}
