namespace ModScope.Reports.Story;

/// <summary>How a fact argument is formatted.</summary>
public enum ArgKind
{
    /// <summary>Literal text (a market code, a site name).</summary>
    Text,
    /// <summary>A metric's display name (<see cref="FactArg.Metric"/>).</summary>
    MetricName,
    /// <summary>A value in the metric's format.</summary>
    Value,
    /// <summary>A change in the metric's unit (percentage points for shares), signed.</summary>
    Change,
    /// <summary>A change's size in the metric's unit, without a sign (the words say the direction).</summary>
    Magnitude,
    /// <summary>An interval of the metric's values (<see cref="FactArg.Number"/> to <see cref="FactArg.Upper"/>).</summary>
    Interval,
    /// <summary>A value with its interval: <see cref="FactArg.Number"/> (<see cref="FactArg.Lower"/> to <see cref="FactArg.Upper"/>).</summary>
    Estimate,
    /// <summary>A whole number.</summary>
    Count,
    /// <summary>A share in [0, 1] shown as a percentage.</summary>
    Share,
    /// <summary>A segment: canonical <c>dimension=value;…</c> text in <see cref="FactArg.Text"/>; the total when empty.</summary>
    Segment,
    /// <summary>One dimension value's display name (a market, policy or queue name from the reference data), without the dimension.</summary>
    Member,
    /// <summary>A dimension's display name (<see cref="FactArg.Text"/> holds its id).</summary>
    Dimension,
    /// <summary>A day (<see cref="FactArg.Date"/>).</summary>
    Date,
    /// <summary>A week label (ISO week of <see cref="FactArg.Date"/>).</summary>
    Week,
    /// <summary>A text resource key, e.g. a band or status word.</summary>
    Word,
    /// <summary>The report's period or prior period label (Text is "period" or "prior").</summary>
    Period,

    /// <summary>A calendar event's name in the language (<see cref="FactArg.Text"/> holds its id in the report's calendar).</summary>
    Event,
}
