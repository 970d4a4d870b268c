namespace ModScope.Synthetic;

/// <summary>
/// Per leaf policy: base enforcement probability, automation logit offset (weapons/counterfeit highly
/// automated, hate speech and minors in live mostly human), error difficulty multiplier and the share of
/// enforcements that get appealed.
/// </summary>
internal static class PolicyTable
{
    public sealed record Row(string PolicyId, double Enforce, double AutomationOffset, double Difficulty, double AppealRate);

    public static readonly IReadOnlyList<Row> Rows =
    [
        new("weapons", 0.35, 1.6, 0.7, 0.020),
        new("drugs", 0.35, 1.2, 0.8, 0.020),
        new("alcohol_tobacco", 0.25, 0.8, 1.0, 0.040),
        new("wildlife", 0.30, 0.4, 1.0, 0.030),
        new("recalled_products", 0.30, 0.9, 0.8, 0.050),
        new("cosmetics_unqualified", 0.22, 0.5, 1.1, 0.070),
        new("supplements_unqualified", 0.22, 0.4, 1.1, 0.070),
        new("medical_devices", 0.20, -0.2, 1.2, 0.060),
        new("counterfeit", 0.30, 1.4, 0.9, 0.060),
        new("trademark", 0.20, 0.6, 1.2, 0.080),
        new("copyright", 0.20, 0.5, 1.2, 0.080),
        new("false_claims", 0.18, -0.3, 1.4, 0.060),
        new("clickbait", 0.15, 0.8, 1.1, 0.040),
        new("wrong_category", 0.20, 1.2, 0.7, 0.090),
        new("hazardous_materials", 0.30, 0.8, 0.9, 0.030),
        new("unsafe_toys", 0.25, 0.3, 1.0, 0.050),
        new("unsafe_electronics", 0.25, 0.3, 1.0, 0.050),
        new("adult_products", 0.25, 0.6, 1.0, 0.050),
        new("nudity", 0.25, 0.4, 1.0, 0.050),
        new("hate_speech", 0.15, -2.0, 1.6, 0.090),
        new("harassment", 0.15, -1.2, 1.5, 0.080),
        new("minors_in_live", 0.12, -2.6, 1.3, 0.070),
        new("scams", 0.30, 0.2, 1.1, 0.040),
        new("fake_reviews", 0.25, 1.0, 1.0, 0.030),
        new("off_platform_trade", 0.20, 0.4, 1.1, 0.050),
        new("price_gouging", 0.15, 0.0, 1.2, 0.060),
        new("price_manipulation", 0.15, 0.5, 1.0, 0.050),
    ];
}
