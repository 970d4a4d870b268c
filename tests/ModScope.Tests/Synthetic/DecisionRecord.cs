namespace ModScope.Tests.Synthetic;

/// <summary>A decisions row as the tests read it; <see cref="FileDate"/> is the day of the file it came from.</summary>
public sealed record DecisionRecord(
    string Id, string ObjectType, string ObjectId, string Market, string Queue, string Policy, string Source,
    string DecidedBy, string Moderator, string Site, string Verdict, string Language,
    DateTime CreatedAt, DateTime DecidedAt, double HandlingSeconds, string Version, DateOnly FileDate)
{
    public bool IsHuman => DecidedBy == "human";

    public bool IsEnforcement => Verdict != "approve";

    public double TatHours => (DecidedAt - CreatedAt).TotalHours;

    public DateOnly CreatedDate => DateOnly.FromDateTime(CreatedAt);
}
