namespace ModScope.Monitor.Health;

/// <summary>How many rows of one table a rule holds in quarantine (still rejected), with a few of them.</summary>
public sealed record QuarantineReason(string Table, string Rule, long Rows, IReadOnlyList<QuarantineSample> Samples);
