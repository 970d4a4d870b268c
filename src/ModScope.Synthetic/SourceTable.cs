namespace ModScope.Synthetic;

/// <summary>
/// Detection sources: proactive model detection is the rest (about 90%); reports and notices are mostly
/// decided by humans and enforce more often; regulator notices only arrive in EU markets.
/// </summary>
internal static class SourceTable
{
    public const double TrustedFlaggerShare = 0.008;
    public const double RegulatorNoticeShare = 0.006;

    public static readonly SourceProfile Proactive = new("proactive_model", 0.0, 1.0);
    public static readonly SourceProfile UserReport = new("user_report", -1.3, 1.6);
    public static readonly SourceProfile TrustedFlagger = new("trusted_flagger", -3.0, 2.5);
    public static readonly SourceProfile RegulatorNotice = new("regulator_notice", -5.0, 3.0);
    public static readonly SourceProfile SellerAppealReopen = new("seller_appeal_reopen", -3.0, 0.6);

    /// <summary>The source mix for one object type in an EU or non-EU market.</summary>
    public static WeightedChoice<SourceProfile> Mix(ObjectProfile objectType, bool eu)
    {
        var regulator = eu ? RegulatorNoticeShare : 0.0;
        var proactive = 1.0 - objectType.UserReportShare - objectType.ReopenShare - TrustedFlaggerShare - regulator;
        return new WeightedChoice<SourceProfile>(
        [
            (Proactive, proactive),
            (UserReport, objectType.UserReportShare),
            (TrustedFlagger, TrustedFlaggerShare),
            (RegulatorNotice, regulator),
            (SellerAppealReopen, objectType.ReopenShare),
        ]);
    }
}
