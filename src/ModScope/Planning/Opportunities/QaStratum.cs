namespace ModScope.Planning.Opportunities;

/// <summary>One stratum of a QA sampling design over the period: decisions (N_h), audits (n_h) and their accuracy.</summary>
public sealed record QaStratum(string Name, double Population, double Audits, double Accuracy);
