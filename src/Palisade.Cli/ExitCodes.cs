namespace Palisade.Cli;

/// <summary>Exit codes are a contract with users' scripts.</summary>
public static class ExitCodes
{
    /// <summary>Allowed or only audited.</summary>
    public const int Ok = 0;

    /// <summary>Held for review or blocked (or, in a batch, an input that could not be judged).</summary>
    public const int Stopped = 1;

    /// <summary>Usage or configuration error.</summary>
    public const int UsageError = 2;
}
