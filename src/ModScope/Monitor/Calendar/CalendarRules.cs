using System.Text.RegularExpressions;
using ModScope.Common;

namespace ModScope.Monitor.Calendar;

/// <summary>
/// The rules one event must satisfy, whether it was read from a file or added in code. Each broken rule
/// is reported through <c>problem(field, message)</c>, with the field relative to the event (<c>end</c>, <c>name.zh-Hans</c>).
/// </summary>
internal static partial class CalendarRules
{
    public static void Check(CalendarEvent calendarEvent, MarketScope scope, Action<string, string> problem)
    {
        if (calendarEvent.Id.Length > 0 && !IdPattern().IsMatch(calendarEvent.Id))
        {
            problem("id", $"'{calendarEvent.Id}' is not a snake_case id (lower-case letters, digits and underscores)");
        }
        if (string.IsNullOrWhiteSpace(calendarEvent.Name.En))
        {
            problem("name.en", "missing translation: every event has an en and a zh-Hans name");
        }
        if (string.IsNullOrWhiteSpace(calendarEvent.Name.ZhHans))
        {
            problem("name.zh-Hans", "missing translation: every event has an en and a zh-Hans name");
        }
        if (calendarEvent.Markets.Count == 0)
        {
            problem("markets", "names no market: list market codes (ID) or regions (SEA) from reference/markets.csv");
        }
        foreach (var market in calendarEvent.Markets.Where(m => !scope.IsKnown(m)))
        {
            problem("markets", $"unknown market or region '{market}'{NearMatch.Suggest(market, scope.Names)}");
        }
        if (calendarEvent.End < calendarEvent.Start)
        {
            problem("end", $"end {Day(calendarEvent.End)} is before start {Day(calendarEvent.Start)}");
        }
        if (calendarEvent.Effect.LeadDays < 0)
        {
            problem("effect.lead_days", "must not be negative");
        }
        if (calendarEvent.Effect.LagDays < 0)
        {
            problem("effect.lag_days", "must not be negative");
        }
        if (calendarEvent.Effect.Uplift is { } uplift && !(double.IsFinite(uplift) && uplift > 0))
        {
            problem("effect.uplift", $"'{uplift.ToString(System.Globalization.CultureInfo.InvariantCulture)}' is not a volume factor: write a positive number (1.8 = 80% more than a usual day)");
        }
        if (calendarEvent.Effect.UpliftLagDays is { } upliftLag)
        {
            if (calendarEvent.Effect.Uplift is null)
            {
                problem("effect.uplift_lag_days", "is given without an uplift: it says on which lag days the uplift applies");
            }
            else if (upliftLag < 0 || upliftLag > calendarEvent.Effect.LagDays)
            {
                problem("effect.uplift_lag_days", $"'{upliftLag}' is not between 0 and lag_days ({calendarEvent.Effect.LagDays}): the uplift applies inside the effect window");
            }
        }
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex IdPattern();
}
