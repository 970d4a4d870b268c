namespace ModScope.Stats;

/// <summary>How a total sample is shared among strata.</summary>
public enum AllocationMethod
{
    /// <summary>n_h ∝ N_h: every stratum sampled at the same rate (self-weighting).</summary>
    Proportional,

    /// <summary>n_h ∝ N_h S_h (Neyman 1934): minimum variance of the stratified estimate for a fixed n.</summary>
    Neyman,
}
