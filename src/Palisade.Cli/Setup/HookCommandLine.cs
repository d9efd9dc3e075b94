namespace Palisade.Cli.Setup;

/// <summary>
/// The shell command an agent should run to reach this <c>palisade</c>. Agents start hooks with their own
/// PATH, so setup writes an absolute path when it knows one.
/// </summary>
public static class HookCommandLine
{
    /// <summary>The command that starts this palisade: its own executable, <c>dotnet palisade.dll</c>, or plain <c>palisade</c>.</summary>
    public static string ForThisProcess() => For(Environment.ProcessPath, AppContext.BaseDirectory);

    internal static string For(string? processPath, string baseDirectory)
    {
        var name = Path.GetFileNameWithoutExtension(processPath ?? "");
        if (name.Equals("palisade", StringComparison.OrdinalIgnoreCase)) return Quote(processPath!);
        var dll = Path.Combine(baseDirectory, "palisade.dll");
        if (name.Equals("dotnet", StringComparison.OrdinalIgnoreCase) && File.Exists(dll)) return $"{Quote(processPath!)} {Quote(dll)}";
        return "palisade";
    }

    /// <summary>Quotes a path for the POSIX shell (or cmd on Windows) the agent runs the hook through, only when it needs it.</summary>
    public static string Quote(string path)
    {
        if (path.Length > 0 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ':' or '@'))
            return path;
        return OperatingSystem.IsWindows() ? $"\"{path}\"" : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>True when a configured hook command is one of Palisade's for <paramref name="agent"/> (whatever path it was set up with).</summary>
    public static bool IsPalisadeHook(string? command, string agent) =>
        command is not null
        && command.Contains("palisade", StringComparison.OrdinalIgnoreCase)
        && command.TrimEnd().EndsWith($" hook {agent}", StringComparison.Ordinal);
}
