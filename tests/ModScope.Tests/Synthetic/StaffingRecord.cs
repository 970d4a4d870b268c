namespace ModScope.Tests.Synthetic;

/// <summary>A staffing row.</summary>
public sealed record StaffingRecord(DateOnly Date, string Site, string Market, string Moderator, double Scheduled, double Productive, double HourlyCost, DateOnly FileDate);
