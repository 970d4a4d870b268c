namespace ModScope.Stats;

/// <summary>One stratum of a stratified QA sample (DOMAIN.md 1.2).</summary>
/// <param name="Name">Stratum label, e.g. "US/approve"; used in error messages.</param>
/// <param name="Population">N_h: items in the stratum's population (decisions made).</param>
/// <param name="SampleSize">n_h: audited items drawn from the stratum.</param>
/// <param name="Successes">Audited items counted as a success (e.g. correct); fractional when weighted.</param>
public sealed record Stratum(string Name, long Population, long SampleSize, double Successes);
