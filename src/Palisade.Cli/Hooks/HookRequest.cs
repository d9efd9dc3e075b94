using Palisade.Core.Model;

namespace Palisade.Cli.Hooks;

/// <summary>
/// One hook call, read: the agent's event name, what it asks the engine to judge (nothing, for events Palisade
/// only records or ignores), and a short subject for the audit record (the tool name, or the file read).
/// </summary>
public sealed record HookRequest(string Event, IReadOnlyList<AgentAction> Actions, string? Subject = null);
