namespace ModScope.Stats;

/// <summary>Cohen's kappa for two raters with its agreement components (DOMAIN.md 1.8).</summary>
/// <param name="Kappa">κ = (P_o − P_e)/(1 − P_e); null when P_e = 1 (both raters used one and the same category throughout).</param>
/// <param name="ObservedAgreement">P_o: share of items on which the raters agree.</param>
/// <param name="ExpectedAgreement">P_e: agreement expected by chance from the raters' marginal shares.</param>
/// <param name="StandardError">Large-sample standard error of κ (Fleiss, Cohen &amp; Everitt 1969); null with κ.</param>
/// <param name="Interval">κ ± z·SE clipped to [−1, 1]; null with κ.</param>
/// <param name="Items">Rated items (pairs).</param>
/// <param name="Categories">Distinct categories used by either rater.</param>
public sealed record KappaEstimate(
    double? Kappa,
    double ObservedAgreement,
    double ExpectedAgreement,
    double? StandardError,
    Interval? Interval,
    long Items,
    int Categories);
