namespace ModScope.Catalog;

/// <summary>How a metric's values are shown, parsed once from the catalogue's <c>format</c> (see <see cref="CatalogWords"/>).</summary>
public enum ValueFormat
{
    /// <summary><c>integer</c>: a whole number, grouped.</summary>
    WholeNumber,
    Percent,
    Number,
    /// <summary><c>decimal</c>: a number to three places (a kappa).</summary>
    ThreeDecimals,
    Hours,
    Seconds,
    Currency,
}
