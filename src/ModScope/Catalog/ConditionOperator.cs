namespace ModScope.Catalog;

/// <summary>A condition's test, parsed once from the catalogue's key (<c>equals</c>, <c>in</c>, ...; see <see cref="CatalogWords"/>).</summary>
public enum ConditionOperator
{
    Equal,
    In,
    NotIn,
    NotNull,
    IsNull,
    /// <summary>The subject is at most another column of the row (<c>at_most: queue.sla_hours</c>).</summary>
    AtMost,
}
