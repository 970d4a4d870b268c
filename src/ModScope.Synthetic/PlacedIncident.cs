namespace ModScope.Synthetic;

/// <summary>An incident placed on the day axis (day 0 = first day, inclusive range) with its target and strength.</summary>
/// <param name="Kind">One of <see cref="IncidentKinds"/>.</param>
/// <param name="StartDay">First affected day.</param>
/// <param name="EndDay">Last affected day.</param>
/// <param name="Target">The site, market or policy id the incident hits; empty for data-set-wide incidents.</param>
/// <param name="Factor">Strength where it varies (the TAT multiplier of a surge); 1 otherwise.</param>
internal sealed record PlacedIncident(string Kind, int StartDay, int EndDay, string Target, double Factor = 1.0)
{
    public bool IsActive(int day) => day >= StartDay && day <= EndDay;
}
