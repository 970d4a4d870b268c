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

    /// <summary>Items of <paramref name="rows"/> open at the end of <paramref name="day"/> (UTC): created before it ends, decided after.</summary>
    public static int OpenAt(IEnumerable<DecisionRecord> rows, DateOnly day)
    {
        var cut = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return rows.Count(d => d.CreatedAt < cut && d.DecidedAt >= cut);
    }
}
