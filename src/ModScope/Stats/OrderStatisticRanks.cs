namespace ModScope.Stats;

/// <summary>
/// 1-based ranks (into the sorted sample) of a distribution-free confidence interval for a quantile:
/// [x_(Lower), x_(Upper)]. A null rank means that side is unbounded (too few observations to bound it).
/// </summary>
/// <param name="Coverage">Exact coverage P(x_(Lower) ≤ ξ_q ≤ x_(Upper)) for a continuous distribution; ≥ the nominal level.</param>
public sealed record OrderStatisticRanks(int? Lower, int? Upper, double Coverage);
