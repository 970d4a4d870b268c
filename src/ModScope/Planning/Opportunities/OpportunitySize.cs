namespace ModScope.Planning.Opportunities;

/// <summary>An opportunity's size per week in its natural unit, with an interval at the settings' confidence.</summary>
public sealed record OpportunitySize(double Value, double Low, double High, SizeUnit Unit);
