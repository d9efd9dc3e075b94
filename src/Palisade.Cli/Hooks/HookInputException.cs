namespace Palisade.Cli.Hooks;

/// <summary>Hook input Palisade cannot read as the agent's documented shape; the hook answers deny (fail closed).</summary>
public sealed class HookInputException(string message) : Exception(message);
