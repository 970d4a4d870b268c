using ModScope.Catalog;

namespace ModScope.Monitor.Calendar;

/// <summary>One known peak or holiday in some markets.</summary>
/// <param name="Id">Stable snake_case id, unique in the calendar (<c>singles_day_2026</c>).</param>
/// <param name="Name">Display name in English and Simplified Chinese.</param>
/// <param name="Markets">Market codes (<c>ID</c>) and region names (<c>SEA</c>) from reference/markets.csv.</param>
/// <param name="Start">First day of the event (inclusive).</param>
/// <param name="End">Last day of the event (inclusive).</param>
/// <param name="Effect">The expected effect and its lead and lag days.</param>
public sealed record CalendarEvent(
    string Id,
    Bilingual Name,
    IReadOnlyList<string> Markets,
    DateOnly Start,
    DateOnly End,
    EventEffect Effect)
{
    /// <summary>First day the effect is expected: the start less the lead days.</summary>
    public DateOnly EffectStart => Start.AddDays(-Effect.LeadDays);

    /// <summary>Last day the effect is expected: the end plus the lag days.</summary>
    public DateOnly EffectEnd => End.AddDays(Effect.LagDays);

    /// <summary>True when <paramref name="day"/> is inside the effect window.</summary>
    public bool Covers(DateOnly day) => day >= EffectStart && day <= EffectEnd;

    /// <summary>
    /// Last day the calendar's uplift applies (the sized peak's last day): the end plus <c>effect.uplift_lag_days</c>,
    /// or plus all the lag days when it is not given. The one definition of a sized peak's days, read by the forecast
    /// (<c>Planning/CalendarEvents</c>) and the generator (<c>SimCalendar</c>) alike.
    /// </summary>
    public DateOnly UpliftEnd => End.AddDays(Effect.UpliftLagDays ?? Effect.LagDays);

    /// <summary>True when the event has an uplift and <paramref name="day"/> is one of its sized peak's days (<see cref="EffectStart"/>..<see cref="UpliftEnd"/>).</summary>
    public bool InUplift(DateOnly day) => Effect.Uplift is > 0 && day >= EffectStart && day <= UpliftEnd;
}
