using System.Text.Json;
using Palisade.Core.Model;

namespace Palisade.Cli.Hooks;

/// <summary>One agent's hook dialect: how its events read as actions, and how a verdict is said back to it.</summary>
public interface IHookProtocol
{
    /// <summary>The agent's name in commands and audit records: <c>claude-code</c>, <c>cursor</c>.</summary>
    string Agent { get; }

    /// <summary>Reads one hook payload; throws <see cref="HookInputException"/> when it is not the documented shape.</summary>
    HookRequest Read(JsonElement root);

    /// <summary>The answer for a verdict. Allow and audit must not grant anything the agent would otherwise ask about.</summary>
    HookAnswer Answer(HookRequest request, Verdict verdict, string eventId);

    /// <summary>The answer when Palisade could not judge (bad input, bad config, internal error): it blocks.</summary>
    HookAnswer FailClosed(string? eventName, string reason);
}
