namespace ModScope.Model;

/// <summary>The closed vocabularies of the event model (see shared DOMAIN.md, section 5).</summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<string> ObjectTypes =
        ["listing", "product", "seller", "shop", "livestream", "short_video", "review", "ad"];

    public static readonly IReadOnlyList<string> DetectionSources =
        ["proactive_model", "user_report", "trusted_flagger", "regulator_notice", "seller_appeal_reopen"];

    public static readonly IReadOnlyList<string> DecidedBy = ["automated", "human"];

    public static readonly IReadOnlyList<string> Verdicts =
        ["approve", "restrict", "remove", "reject_listing", "suspend_seller"];

    /// <summary>Verdicts that enforce (anything but approve).</summary>
    public static readonly IReadOnlyList<string> EnforcementVerdicts =
        ["restrict", "remove", "reject_listing", "suspend_seller"];

    public static readonly IReadOnlyList<string> ErrorTypes =
        ["none", "false_positive", "false_negative", "wrong_policy", "wrong_action", "technical"];

    public static readonly IReadOnlyList<string> AppealOutcomes = ["upheld", "overturned"];

    /// <summary>How grave a policy's violations are (DOMAIN.md 1.2: severity weights).</summary>
    public static readonly IReadOnlyList<string> Severities = ["critical", "high", "medium", "low"];
}
