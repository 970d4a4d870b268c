namespace ModScope.Synthetic;

/// <summary>The incident kinds the generator can plant.</summary>
internal static class IncidentKinds
{
    public const string FpSpike = "fp_spike";
    public const string TatSurge = "tat_surge";
    public const string ModelDrift = "model_drift";
    public const string MixShift = "mix_shift";
    public const string MissingSiteDay = "missing_site_day";
    public const string DuplicateRedelivery = "duplicate_redelivery";
}
