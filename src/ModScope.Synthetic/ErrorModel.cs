namespace ModScope.Synthetic;

/// <summary>
/// The hidden error of a decision. Enforcements can be false positives, wrong policy, wrong action or
/// technical errors; approvals can be false negatives. Human rates scale with the site's error
/// multiplier and the policy's difficulty; automated rates with the difficulty only (and a planted automation
/// candidate's <c>scale</c>). One uniform draw whatever the rates, so a scale changes no other decision's draws.
/// </summary>
internal static class ErrorModel
{
    public static LatentError Human(Random rng, SiteProfile site, PolicyProfile policy, bool enforce)
    {
        var scale = site.ErrorMultiplier * policy.Difficulty;
        return enforce
            ? Enforcement(rng, 0.030 * scale, 0.016 * scale, 0.007 * site.ErrorMultiplier, 0.004)
            : rng.Chance(0.028 * scale) ? LatentError.FalseNegative : LatentError.None;
    }

    public static LatentError Automated(Random rng, PolicyProfile policy, bool enforce, double scale = 1.0) =>
        enforce
            ? Enforcement(rng, 0.028 * policy.Difficulty * scale, 0.012 * policy.Difficulty * scale, 0.004 * scale, 0.003 * scale)
            : rng.Chance(0.022 * policy.Difficulty * scale) ? LatentError.FalseNegative : LatentError.None;

    private static LatentError Enforcement(Random rng, double falsePositive, double wrongPolicy, double wrongAction, double technical)
    {
        var u = rng.NextDouble();
        if (u < falsePositive)
        {
            return LatentError.FalsePositive;
        }

        u -= falsePositive;
        if (u < wrongPolicy)
        {
            return LatentError.WrongPolicy;
        }

        u -= wrongPolicy;
        if (u < wrongAction)
        {
            return LatentError.WrongAction;
        }

        return u - wrongAction < technical ? LatentError.Technical : LatentError.None;
    }
}
