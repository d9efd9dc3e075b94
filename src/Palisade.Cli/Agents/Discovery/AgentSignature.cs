namespace Palisade.Cli.Agents.Discovery;

/// <summary>How to recognise one kind of agent from a process, and how that agent is best protected.</summary>
public sealed record AgentSignature(string Agent, Func<RunningProcess, bool> Matches, string Protect);
