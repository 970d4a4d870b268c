namespace ModScope.Query;

/// <summary>What the value columns of a planned statement hold.</summary>
public enum StatementKind
{
    /// <summary>One column per atom: counts, sums, means, quantiles.</summary>
    Aggregates,
    /// <summary>Per stratum: population, sample size, then domain count and successes of each QA proportion.</summary>
    Strata,
    /// <summary>Per pair of ratings: the number of double-audited decisions (agreement).</summary>
    Pairs,
    /// <summary>Values ranked near one or more quantiles in each group: group size, rank, value (quantile intervals).</summary>
    Ranks,
    /// <summary>A rollup's table only: per opening day, the closing day, the rows and those of each atom (rows open at a bucket's end).</summary>
    Openings,
    /// <summary>Buckets of a log-bucket quantile sketch per group: sign, index, count of values (approximate quantiles from a rollup).</summary>
    Sketch,
}
