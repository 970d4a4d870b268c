namespace ModScope.Synthetic;

/// <summary>
/// Per object type: share of volume, automation logit offset, median human handling time (video and live
/// longer), share of user reports and seller-appeal reopens, enforcement factor, the enforcement verdicts
/// that fit the object, and the mix of leaf policies it is reviewed under.
/// </summary>
internal static class ObjectTable
{
    public sealed record Row(
        string ObjectType,
        double Weight,
        double AutomationOffset,
        double HandlingMedianSeconds,
        double UserReportShare,
        double ReopenShare,
        double EnforceFactor,
        IReadOnlyList<(string Verdict, double Weight)> Verdicts,
        IReadOnlyList<(string PolicyId, double Weight)> Policies);

    public static readonly IReadOnlyList<Row> Rows =
    [
        new("listing", 0.44, 0.2, 35, 0.04, 0.012, 1.0, [("reject_listing", 0.95), ("restrict", 0.05)],
        [
            ("counterfeit", 14), ("trademark", 8), ("copyright", 4), ("weapons", 4), ("drugs", 2), ("alcohol_tobacco", 3),
            ("wildlife", 1), ("recalled_products", 2), ("cosmetics_unqualified", 8), ("supplements_unqualified", 6),
            ("medical_devices", 4), ("false_claims", 9), ("clickbait", 6), ("wrong_category", 10), ("hazardous_materials", 2),
            ("unsafe_toys", 3), ("unsafe_electronics", 4), ("adult_products", 4), ("nudity", 2), ("price_gouging", 3),
            ("price_manipulation", 3), ("scams", 2),
        ]),
        new("product", 0.12, 0.0, 45, 0.06, 0.012, 0.9, [("remove", 0.75), ("restrict", 0.25)],
        [
            ("counterfeit", 15), ("trademark", 8), ("recalled_products", 6), ("unsafe_electronics", 6), ("unsafe_toys", 5),
            ("false_claims", 10), ("price_gouging", 8), ("price_manipulation", 8), ("cosmetics_unqualified", 6),
            ("supplements_unqualified", 6), ("medical_devices", 4), ("wrong_category", 8), ("weapons", 3), ("drugs", 2),
            ("hazardous_materials", 3), ("wildlife", 2),
        ]),
        new("seller", 0.04, -1.2, 180, 0.03, 0.015, 1.0, [("suspend_seller", 0.85), ("restrict", 0.15)],
        [("counterfeit", 25), ("scams", 30), ("off_platform_trade", 20), ("fake_reviews", 10), ("medical_devices", 5), ("cosmetics_unqualified", 10)]),
        new("shop", 0.03, -0.6, 90, 0.05, 0.012, 0.9, [("restrict", 0.6), ("suspend_seller", 0.4)],
        [("counterfeit", 25), ("scams", 20), ("off_platform_trade", 20), ("trademark", 15), ("adult_products", 10), ("price_manipulation", 10)]),
        new("livestream", 0.06, -0.3, 150, 0.09, 0.0, 0.8, [("restrict", 0.6), ("remove", 0.4)],
        [
            ("minors_in_live", 15), ("nudity", 15), ("hate_speech", 12), ("harassment", 12), ("off_platform_trade", 15),
            ("false_claims", 15), ("counterfeit", 8), ("weapons", 3), ("alcohol_tobacco", 5),
        ]),
        new("short_video", 0.10, 0.0, 75, 0.08, 0.0, 0.9, [("remove", 0.7), ("restrict", 0.3)],
        [
            ("false_claims", 20), ("nudity", 12), ("copyright", 15), ("hate_speech", 8), ("harassment", 8),
            ("off_platform_trade", 10), ("counterfeit", 10), ("clickbait", 10), ("adult_products", 7),
        ]),
        new("review", 0.15, 0.4, 20, 0.10, 0.0, 1.0, [("remove", 0.95), ("restrict", 0.05)],
        [("fake_reviews", 45), ("harassment", 20), ("hate_speech", 15), ("off_platform_trade", 10), ("scams", 10)]),
        new("ad", 0.06, 0.0, 35, 0.03, 0.0, 1.0, [("remove", 0.85), ("restrict", 0.15)],
        [
            ("false_claims", 30), ("clickbait", 20), ("counterfeit", 10), ("supplements_unqualified", 12),
            ("cosmetics_unqualified", 10), ("scams", 10), ("adult_products", 8),
        ]),
    ];
}
