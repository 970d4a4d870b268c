namespace ModScope.Planning.Opportunities;

/// <summary>Human decisions of one stratum of the work mix (e.g. object type × policy) and their total handling seconds.</summary>
public sealed record StratumWork(string Stratum, double Decisions, double HandlingSeconds);
