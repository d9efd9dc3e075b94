using Palisade.Core.Analyzers.Commands;

namespace Palisade.Core.Policy.Paranoid;

/// <summary>How program names are compared: as the command analyzer names programs (lower case, no directory, no <c>.exe</c>).</summary>
public static class ParanoidNames
{
    /// <summary>Directories whose programs count as their bare name: what a PATH lookup would find on a stock system.</summary>
    private static readonly string[] SystemDirectories =
    [
        "/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/", "/usr/local/bin/", "/usr/local/sbin/", "/opt/homebrew/bin/",
        "c:/windows/system32/", "c:/windows/",
    ];

    public static string Command(string name) => ArgvNormalizer.Program(name);

    public static bool HasDirectory(string argv0) => argv0.AsSpan().IndexOfAny('/', '\\') >= 0;

    /// <summary>True for <c>/usr/bin/git</c>, false for <c>./git</c>, <c>/tmp/git</c> or <c>/usr/bin/../../tmp/git</c>.</summary>
    public static bool InSystemDirectory(string argv0)
    {
        var path = argv0.Replace('\\', '/');
        if (path.Contains("/./", StringComparison.Ordinal) || path.Contains("/../", StringComparison.Ordinal) || path.Contains("//", StringComparison.Ordinal)) return false;
        var slash = path.LastIndexOf('/');
        var directory = path[..(slash + 1)];
        foreach (var d in SystemDirectories)
            if (string.Equals(directory, d, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
