namespace ModScope.Synthetic;

/// <summary>
/// Expected items created per market per day: the market's share of the daily volume, weekly
/// seasonality, the 11.11 peak in SEA markets and any mix-shift incident.
/// </summary>
internal sealed class VolumeModel(int decisionsPerDay, SimCalendar calendar, IncidentPlan plan)
{
    public double Expected(MarketProfile market, int day)
    {
        var date = calendar.DateOf(day);
        var expected = decisionsPerDay * market.Weight * SimCalendar.WeekdayFactor(date) * plan.VolumeFactor(market, day);
        return market.IsSea && SimCalendar.IsSeaPeak(date) ? expected * SimCalendar.SeaPeakFactor : expected;
    }
}
