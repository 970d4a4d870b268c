namespace ModScope.Monitor.Health;

/// <summary>One quarantined row: where it came from and why it was held back.</summary>
public sealed record QuarantineSample(string File, long? Line, string? Field, string Message, string? RawRow);
