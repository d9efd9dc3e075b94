namespace Palisade.Core.Config;

/// <summary>A configuration or rule file that cannot be used. The message names the file, line and key, and says what to do.</summary>
public sealed class ConfigException(string message) : Exception(message);
