namespace ModScope.Synthetic;

/// <summary>A day's audits of the planted automation candidate's automated decisions in one enforce/approve stratum.</summary>
/// <param name="Stratum">The cell's own stratum name.</param>
/// <param name="Population">The cell's automated decisions of the day in the stratum.</param>
/// <param name="Sampled">Those the stratum's ordinary draw took.</param>
/// <param name="Extra">Those added from the cell's rest.</param>
/// <param name="Rng">The cell's own stream, which drew <paramref name="Extra"/> and judges them.</param>
internal sealed record CandidateAudits(string Stratum, int Population, IReadOnlySet<SimDecision> Sampled, IReadOnlyList<SimDecision> Extra, Random Rng)
{
    /// <summary>How many of the stratum's ordinary sample are the cell's.</summary>
    public int Drawn => Sampled.Count;

    /// <summary>The cell stratum's sample size.</summary>
    public int SampleSize => Sampled.Count + Extra.Count;

    public bool Contains(SimDecision decision) => Sampled.Contains(decision);
}
