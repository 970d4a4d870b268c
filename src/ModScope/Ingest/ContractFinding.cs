namespace ModScope.Ingest;

/// <summary>One row (or whole file, <paramref name="Line"/> null) a load would quarantine, and why.</summary>
public sealed record ContractFinding(string File, long? Line, string? Field, string Rule, string Message)
{
    public override string ToString() =>
        $"{File}{(Line is { } line ? $":{line}" : "")}: {(Field is null ? "" : $"{Field}: ")}{Message} ({Rule})";
}
