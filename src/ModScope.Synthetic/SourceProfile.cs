namespace ModScope.Synthetic;

/// <summary>A detection source: how it shifts automation and enforcement.</summary>
internal sealed record SourceProfile(string Source, double AutomationOffset, double EnforceFactor)
{
    /// <summary>Reactive sources (reports, notices) go to the fastest queue of the object type.</summary>
    public bool IsReactive => Source is "user_report" or "trusted_flagger" or "regulator_notice";
}
