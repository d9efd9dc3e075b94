using System.Diagnostics;

namespace Palisade.Cli.Agents.Discovery;

/// <summary>
/// Processes from <c>/proc</c> on Linux (argument vectors and, for this user's own processes, environments), or from
/// <see cref="Process.GetProcesses()"/> elsewhere (names only).
/// </summary>
public sealed class ProcFsProcessSource(string procRoot = "/proc") : IProcessSource
{
    /// <summary>Environment variables discovery reads; every other one is skipped unread.</summary>
    public static readonly IReadOnlySet<string> WatchedVariables = new HashSet<string>(StringComparer.Ordinal)
    {
        "ANTHROPIC_BASE_URL", "OPENAI_BASE_URL", "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy",
    };

    public IReadOnlyList<RunningProcess> List() => Directory.Exists(procRoot) ? FromProc() : FromRuntime();

    private List<RunningProcess> FromProc()
    {
        var list = new List<RunningProcess>();
        foreach (var dir in Directory.EnumerateDirectories(procRoot))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var argv = Split(File.ReadAllBytes(Path.Combine(dir, "cmdline")));
                if (argv.Count == 0) continue; // kernel threads
                var name = File.ReadAllText(Path.Combine(dir, "comm")).TrimEnd('\n');
                list.Add(new RunningProcess(pid, name, argv, ReadEnvironment(dir), ReadWorkingDirectory(dir)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while being read, or belongs to someone else: skip it.
            }
        }
        return list;
    }

    private static Dictionary<string, string>? ReadEnvironment(string dir)
    {
        try
        {
            var env = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in Split(File.ReadAllBytes(Path.Combine(dir, "environ"))))
            {
                var eq = entry.IndexOf('=');
                if (eq > 0 && WatchedVariables.Contains(entry[..eq])) env[entry[..eq]] = entry[(eq + 1)..];
            }
            return env;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ReadWorkingDirectory(string dir)
    {
        try
        {
            return new DirectoryInfo(Path.Combine(dir, "cwd")).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static List<string> Split(byte[] nulSeparated) =>
        [.. System.Text.Encoding.UTF8.GetString(nulSeparated).Split('\0', StringSplitOptions.RemoveEmptyEntries)];

    private static List<RunningProcess> FromRuntime()
    {
        var list = new List<RunningProcess>();
        foreach (var p in Process.GetProcesses())
        {
            using (p) list.Add(new RunningProcess(p.Id, p.ProcessName, [p.ProcessName], null));
        }
        return list;
    }
}
