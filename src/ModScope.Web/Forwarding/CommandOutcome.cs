namespace ModScope.Web.Forwarding;

/// <summary>What a forwarded command printed and its exit code, for the CLI to print and return as its own.</summary>
public sealed record CommandOutcome(int Exit, string Output, string Error);
