namespace Palisade.Cli.Hooks;

/// <summary>What a hook process prints and how it exits. Null streams print nothing at all.</summary>
public sealed record HookAnswer(int ExitCode, string? Stdout, string? Stderr)
{
    /// <summary>No decision: the agent's own permission rules apply as if Palisade were not there.</summary>
    public static HookAnswer NoDecision { get; } = new(0, null, null);

    /// <summary>The agents' shared convention for "blocked": exit code 2, with the reason on stderr.</summary>
    public const int BlockingExitCode = 2;
}
