namespace ModScope.Planning.Forecasting;

/// <summary>How a forecast treated one event family: where its uplift came from and its mean factor over the window.</summary>
public sealed record EventUse(string Family, EventSource Source, double Uplift);
