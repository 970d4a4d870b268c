namespace ModScope.Synthetic;

/// <summary>One moderator-day at a site (see EventSchema.Staffing).</summary>
internal sealed record StaffingRow(
    DateOnly Date,
    string Site,
    string Market,
    string ModeratorId,
    double ScheduledHours,
    double ProductiveHours,
    double HourlyCost);
