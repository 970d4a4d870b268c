namespace ModScope.Monitor.Health;

/// <summary>The newest decision of one site (UTC), and how many decisions the site has on that day.</summary>
public sealed record SiteFreshness(string Site, DateTime NewestDecision, long DecisionsOnNewestDay);
