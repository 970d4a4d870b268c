namespace ModScope.Synthetic;

/// <summary>
/// Expected items created per market per day: the market's share of the daily volume, weekly
/// seasonality, the calendar's sized peaks (11.11 in SEA, see SimCalendar) and any mix-shift incident.
/// </summary>
internal sealed class VolumeModel(int decisionsPerDay, SimCalendar calendar, IncidentPlan plan)
{
    public double Expected(MarketProfile market, int day)
    {
        var date = calendar.DateOf(day);
        return decisionsPerDay * market.Weight * SimCalendar.WeekdayFactor(date) * plan.VolumeFactor(market, day) * SimCalendar.PeakFactor(date, market.Code);
    }
}
