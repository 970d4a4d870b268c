namespace ModScope.Planning;

/// <summary>A site's staffing on one day: productive and scheduled hours (the catalogue's staffing role).</summary>
public sealed record SiteHours(string Site, DateOnly Day, double Productive, double Scheduled);
