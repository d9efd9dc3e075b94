namespace Palisade.Cli.Agents.Discovery;

/// <summary>
/// One process as discovery sees it: its id, executable name and argument vector, and — only when the OS lets this
/// user read it — the few environment variables that say whether it talks through Palisade (never printed) and its
/// working directory (where project-level agent settings live).
/// </summary>
public sealed record RunningProcess(int Id, string Name, IReadOnlyList<string> Argv, IReadOnlyDictionary<string, string>? Environment, string? WorkingDirectory = null);
