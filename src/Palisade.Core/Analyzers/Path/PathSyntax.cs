namespace Palisade.Core.Analyzers.Paths;

/// <summary>
/// The textual forms a path arrives in, turned into one: a <c>file:</c> URL, Windows device prefixes (<c>\\?\</c>,
/// <c>\\.\</c>), WSL and Cygwin drive mounts, <c>~</c> and <c>~user</c>. The result uses <c>/</c> only.
/// </summary>
internal static class PathSyntax
{
    /// <summary>Where <c>~</c> points before the home directory is written back as <c>~</c>: any user's home will do.</summary>
    private const string PosixHome = "/home/~";
    private const string WindowsHome = "c:/users/~";

    public static bool IsDrive(ReadOnlySpan<char> s) => s.Length >= 2 && char.IsAsciiLetter(s[0]) && s[1] == ':';

    /// <summary>Decodes, expands and rewrites <paramref name="raw"/> to forward slashes; <paramref name="windows"/> says whether it is a Windows path.</summary>
    public static string Prepare(string raw, out bool windows)
    {
        var s = StripFileUrl(raw);
        s = PercentDecoding.Decode(s);
        // C APIs stop at NUL: /etc/passwd%00.png opens /etc/passwd.
        var nul = s.IndexOf('\0');
        if (nul >= 0) s = s[..nul];
        windows = IsDrive(s) || s.Contains('\\');
        s = PathVariables.Expand(s, ref windows);
        if (s.Contains('\\'))
        {
            windows = true;
            s = s.Replace('\\', '/');
        }
        s = ExpandTilde(s, windows);
        s = StripDevicePrefixes(s, ref windows);
        return MapMountedDrive(s, ref windows);
    }

    /// <summary><c>file:///etc/passwd</c>, <c>file://localhost/…</c>, <c>file:///C:/…</c>, <c>file://server/share/…</c>.</summary>
    private static string StripFileUrl(string s)
    {
        if (!s.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return s;
        var rest = s[5..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            rest = rest[2..];
            var slash = rest.IndexOf('/');
            var host = slash < 0 ? rest : rest[..slash];
            var path = slash < 0 ? "/" : rest[slash..];
            rest = host.Length == 0 || host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host == "127.0.0.1" ? path : $@"\\{host}{path}";
        }
        return rest.Length > 2 && rest[0] == '/' && IsDrive(rest.AsSpan(1)) ? rest[1..] : rest;
    }

    /// <summary><c>~</c> and <c>~user</c> are a home directory; <c>~+</c> is the working directory; <c>~-</c> is unknown and left alone.</summary>
    private static string ExpandTilde(string s, bool windows)
    {
        if (s.Length == 0 || s[0] != '~') return s;
        var end = s.IndexOf('/');
        if (end < 0) end = s.Length;
        var name = s.AsSpan(1, end - 1);
        if (name is "+") return "." + s[end..];
        foreach (var c in name)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')) return s;
        if (name is "-") return s;
        return (windows ? WindowsHome : PosixHome) + s[end..];
    }

    /// <summary><c>\\?\C:\…</c> and <c>\\.\C:\…</c> are <c>C:\…</c>; <c>\\?\UNC\server\share</c> is <c>\\server\share</c>.</summary>
    private static string StripDevicePrefixes(string s, ref bool windows)
    {
        while (s.Length >= 4 && s[3] == '/' && (s.StartsWith("//?", StringComparison.Ordinal) || s.StartsWith("//.", StringComparison.Ordinal) || s.StartsWith("/??", StringComparison.Ordinal)))
        {
            windows = true;
            var rest = s[4..];
            s = rest.StartsWith("unc/", StringComparison.OrdinalIgnoreCase) ? "//" + rest[4..] : IsDrive(rest) ? rest : "//" + rest;
        }
        return s;
    }

    /// <summary>WSL's <c>/mnt/c/…</c> and Cygwin's <c>/cygdrive/c/…</c> are the Windows drive <c>C:</c>.</summary>
    private static string MapMountedDrive(string s, ref bool windows)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["/mnt/", "/cygdrive/"])
        {
            if (s.Length < prefix.Length + 1 || !s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
            var letter = s[prefix.Length];
            var after = prefix.Length + 1;
            if (!char.IsAsciiLetter(letter) || (after < s.Length && s[after] != '/')) continue;
            windows = true;
            return $"{letter}:/{s[after..].TrimStart('/')}";
        }
        return s;
    }
}
