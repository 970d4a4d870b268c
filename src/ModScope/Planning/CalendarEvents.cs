using System.Text.RegularExpressions;
using ModScope.Model;
using ModScope.Monitor.Calendar;
using ModScope.Planning.Forecasting;

namespace ModScope.Planning;

/// <summary>
/// The event calendar as forecast regressors: each volume-raising event's effect window (lead and lag days included) in
/// the subject's market, grouped into families by its id without the year (<c>singles_day_2025</c> and
/// <c>singles_day_2026</c> are one family), so an uplift seen last year carries to this year's occurrence; the event's
/// <c>effect.uplift</c>, when the calendar gives one, is the factor used for a family the history never saw, on the
/// sized peak's days only (<c>CalendarEvent.UpliftEnd</c>: <c>effect.uplift_lag_days</c>), the days the generator raises.
/// </summary>
public static partial class CalendarEvents
{
    /// <summary>The events of <paramref name="calendar"/> that touch <paramref name="market"/> (any market when null).</summary>
    public static IReadOnlyList<ForecastEvent> For(EventCalendar calendar, string? market)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.Events
            .Where(e => e.Effect.Volume != VolumeEffect.Down)
            .Where(e => market is null || calendar.MarketsOf(e).Contains(market))
            .Select(e => new ForecastEvent(Family(e.Id), e.EffectStart, e.EffectEnd, e.Effect.Uplift, e.UpliftEnd))
            .ToArray();
    }

    /// <summary>The market a subject belongs to: its market, else its queue's market, else null.</summary>
    public static string? MarketOf(IReadOnlyDictionary<string, string> subject, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(reference);
        if (subject.TryGetValue("market", out var market) && reference.Markets.Any(m => m.Code == market))
        {
            return market;
        }
        return subject.TryGetValue("queue", out var queue) ? reference.Queues.FirstOrDefault(q => q.QueueId == queue)?.Market : null;
    }

    /// <summary>An event id without a trailing year: <c>singles_day_2026</c> → <c>singles_day</c>.</summary>
    public static string Family(string id) => YearSuffix().Replace(id, "");

    [GeneratedRegex("_(19|20)[0-9]{2}$")]
    private static partial Regex YearSuffix();
}
