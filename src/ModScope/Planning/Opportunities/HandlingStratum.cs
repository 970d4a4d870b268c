namespace ModScope.Planning.Opportunities;

/// <summary>A unit's decisions in one stratum of the mix: count, total handling seconds and total squared handling seconds.</summary>
public sealed record HandlingStratum(string Stratum, double Decisions, double HandlingSeconds, double SquaredSeconds);
