namespace Palisade.Cli.Setup;

/// <summary>A setup step that cannot go on; the message says what to do, in one sentence.</summary>
public sealed class SetupException(string message, Exception? inner = null) : Exception(message, inner);
