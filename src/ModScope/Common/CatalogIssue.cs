namespace ModScope.Common;

/// <summary>One problem in a catalogue file, located by line and field.</summary>
public sealed record CatalogIssue(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}
