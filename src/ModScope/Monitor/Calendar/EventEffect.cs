namespace ModScope.Monitor.Calendar;

/// <summary>What an event is expected to do to the data, and for how long around its dates.</summary>
/// <param name="Volume">Which way volume moves.</param>
/// <param name="LeadDays">Days before the start already affected (pre-sale listings, pre-holiday shopping).</param>
/// <param name="LagDays">Days after the end still affected (reports, returns, holiday catch-up).</param>
/// <param name="Uplift">The expected volume factor on the window's days (1.8 = +80%), when one is known; null otherwise.
/// The monitor does not use it (an event explains a move either way); the forecast does for a family the history never saw.</param>
/// <param name="UpliftLagDays">The lag days the uplift still applies on (0 to <paramref name="LagDays"/>; null: all of
/// them): the sized peak's days are the lead days, the event's days and these, while the effect window keeps every lag
/// day for the spill-over the monitor explains (items of the last peak day decided the next day).</param>
public sealed record EventEffect(VolumeEffect Volume, int LeadDays = 0, int LagDays = 0, double? Uplift = null, int? UpliftLagDays = null)
{
    /// <summary>True when the event explains volume above the usual (<paramref name="above"/>) or below it.</summary>
    public bool Explains(bool above) => Volume == VolumeEffect.Mixed || Volume == (above ? VolumeEffect.Up : VolumeEffect.Down);
}
