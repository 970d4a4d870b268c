using ModScope.Query;

namespace ModScope.Web.Api;

/// <summary>A period as shown: its bounds (local to its time zone), label and the inclusive last day formatted, its zone in brackets of the language (（UTC） in zh-Hans).</summary>
internal sealed record PeriodView(DateTime Start, DateTime End, string TimeZone, string Label, string Text)
{
    public static PeriodView From(Period period, string language) =>
        new(period.Start, period.End, period.TimeZone, period.Label,
            $"{CultureFormat.Day(period.Start, language)} – {CultureFormat.Day(period.End.AddDays(-1), language)}"
            + $"{Labels.Get(language, "common.parenOpen")}{period.TimeZone}{Labels.Get(language, "common.parenClose")}");
}
