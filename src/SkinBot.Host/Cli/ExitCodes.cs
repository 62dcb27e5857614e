namespace SkinBot.Host.Cli;

/// <summary>How every <c>skinbot</c> command ends, so scripts and supervisors can tell the cases apart (README, "Exit codes").</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command or the host failed; standard error says why in one line.</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong; the usage follows on standard error.</summary>
    public const int Usage = 2;

    /// <summary>
    /// A configuration value is invalid: EX_CONFIG from sysexits.h, so a supervisor can tell "fix the settings" from a
    /// crash worth restarting. Standard error names each key and what is wrong with it, never the value.
    /// </summary>
    public const int Configuration = 78;

    /// <summary>Stopped by Ctrl+C: 128 + SIGINT, as shells report it.</summary>
    public const int Interrupted = 130;
}
