namespace ModScope.Cli;

/// <summary>The process exit codes every command uses.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Bad input (unreadable file, invalid value, rejected load) or failed work.</summary>
    public const int BadInput = 1;
    /// <summary>The command line itself is wrong (unknown command or option, missing argument).</summary>
    public const int Usage = 2;
}
