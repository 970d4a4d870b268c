namespace ModScope.Synthetic;

/// <summary>
/// Auditors' conclusions. The first auditor sees the hidden truth. A second (double) auditor agrees most
/// of the time: a flagged error is confirmed 70% of the time and a clean decision is flagged 12% of the
/// time, so the two agree on the QA verdict about nine times in ten (Cohen's kappa about 0.8).
/// </summary>
internal static class AuditJudge
{
    private const double ConfirmErrorProbability = 0.70;
    private const double FlagCleanProbability = 0.12;

    public static AuditJudgement Truth(Random rng, SimDecision d) => d.Error switch
    {
        LatentError.None => Clean(d),
        LatentError.FalsePositive => new(Verdicts.Approve, null, "false_positive"),
        LatentError.FalseNegative => new(d.Object.PrimaryVerdict, d.Policy.Id, "false_negative"),
        LatentError.WrongPolicy => new(d.Verdict, OtherPolicy(rng, d), "wrong_policy"),
        LatentError.WrongAction => new(OtherAction(d), d.Policy.Id, "wrong_action"),
        _ => new(d.Verdict, d.Policy.Id, "technical"),
    };

    public static AuditJudgement Second(Random rng, SimDecision d, AuditJudgement first)
    {
        if (first.IsError)
        {
            return rng.Chance(ConfirmErrorProbability) ? first : Clean(d);
        }

        if (!rng.Chance(FlagCleanProbability))
        {
            return first;
        }

        if (!d.IsEnforcement)
        {
            return new(d.Object.PrimaryVerdict, d.Policy.Id, "false_negative");
        }

        return rng.Chance(0.75) ? new(Verdicts.Approve, null, "false_positive") : new(d.Verdict, OtherPolicy(rng, d), "wrong_policy");
    }

    private static AuditJudgement Clean(SimDecision d) => new(d.Verdict, d.IsEnforcement ? d.Policy.Id : null, "none");

    /// <summary>Another policy the object type is reviewed under, preferring a sibling of the decision's policy.</summary>
    private static string OtherPolicy(Random rng, SimDecision d)
    {
        var others = d.Object.Policies.Probabilities.Select(p => p.Item).Where(p => p != d.Policy).ToArray();
        var siblings = others.Where(p => p.Policy.ParentId == d.Policy.Policy.ParentId).ToArray();
        var pool = siblings.Length > 0 ? siblings : others;
        return pool.Length == 0 ? d.Policy.Id : pool[rng.Next(pool.Length)].Id;
    }

    /// <summary>Another enforcement that fits the object type.</summary>
    private static string OtherAction(SimDecision d)
    {
        var other = d.Object.Verdicts.Probabilities.Select(p => p.Item).FirstOrDefault(v => v != d.Verdict);
        return other ?? (d.Verdict == Verdicts.Restrict ? Verdicts.Remove : Verdicts.Restrict);
    }
}
