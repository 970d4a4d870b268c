namespace ModScope.Synthetic;

/// <summary>Verdict names the simulation refers to directly.</summary>
internal static class Verdicts
{
    public const string Approve = "approve";
    public const string Restrict = "restrict";
    public const string Remove = "remove";
}
