namespace ModScope.Planning.Opportunities;

/// <summary>
/// A QA design whose estimate is reported on its own (a site's accuracy from its enforce and approve strata), over
/// <paramref name="Weeks"/> weeks.
/// </summary>
public sealed record QaDomain(IReadOnlyDictionary<string, string> Subject, double Weeks, IReadOnlyList<QaStratum> Strata);
