using System.Text;

namespace Palisade.Core.Analyzers.Commands;

/// <summary>
/// Puts an argument vector into the form rules read: the program by its name (<c>/usr/bin/curl</c>, <c>CURL.EXE</c>
/// and <c>/???/c?rl</c> are all <c>curl</c>), paths without <c>//</c>, <c>/./</c> or <c>..</c>, and <c>rm</c>'s
/// flags in one order.
/// </summary>
public static class ArgvNormalizer
{
    /// <summary>The program an argv0 names: base name, lower case, without <c>.exe</c>; globs resolved against known paths.</summary>
    public static string Program(string argv0)
    {
        if (argv0.Length == 0) return "";
        // An unexpanded substitution names no program: keep it as written for rules to see.
        if (argv0.Contains("$(", StringComparison.Ordinal) || argv0.Contains("<(", StringComparison.Ordinal)) return argv0;
        var name = argv0;
        if (name.Length <= 256 && name.AsSpan().IndexOfAny('*', '?', '[') >= 0 && ResolveGlob(name) is { } resolved) name = resolved;
        var slash = name.AsSpan().LastIndexOfAny('/', '\\');
        if (slash >= 0 && slash < name.Length - 1) name = name[(slash + 1)..];
        name = name.ToLowerInvariant();
        foreach (var ext in (ReadOnlySpan<string>)[".exe", ".com"])
            if (name.Length > ext.Length && name.EndsWith(ext, StringComparison.Ordinal)) return name[..^ext.Length];
        return name;
    }

    /// <summary>A glob in command position (<c>/bin/b?sh</c>) resolved to the first known program path it matches.</summary>
    public static string? ResolveGlob(string pattern)
    {
        var hasDir = pattern.Contains('/');
        foreach (var candidate in KnownCommands.GlobCandidates)
        {
            var subject = hasDir ? candidate : candidate[(candidate.LastIndexOf('/') + 1)..];
            if (GlobMatch(pattern, subject)) return candidate;
        }
        return null;
    }

    /// <summary>Shell glob match (<c>*</c>, <c>?</c>, <c>[…]</c>): two pointers, backtracking only to the last star, so O(n·m) at worst.</summary>
    public static bool GlobMatch(string pattern, string text)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
                continue;
            }
            if (p < pattern.Length && MatchOne(pattern, ref p, text[t]))
            {
                t++;
                continue;
            }
            if (starP < 0) return false;
            p = starP + 1;
            t = ++starT;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }

    /// <summary>Matches one pattern element at <paramref name="p"/> against <paramref name="c"/>, advancing past it on success.</summary>
    private static bool MatchOne(string pattern, ref int p, char c)
    {
        var pc = pattern[p];
        if (pc == '?') { p++; return true; }
        if (pc != '[')
        {
            if (pc != c) return false;
            p++;
            return true;
        }
        // A '[' at the very end opens no set: it is a literal '['.
        var close = p + 2 <= pattern.Length ? pattern.IndexOf(']', p + 2) : -1;
        if (close < 0)
        {
            if (c != '[') return false;
            p++;
            return true;
        }
        var set = pattern.AsSpan(p + 1, close - p - 1);
        var negate = set.Length > 0 && set[0] is '!' or '^';
        if (negate) set = set[1..];
        var hit = false;
        for (var i = 0; i < set.Length; i++)
        {
            if (i + 2 < set.Length && set[i + 1] == '-') { hit |= c >= set[i] && c <= set[i + 2]; i += 2; }
            else hit |= set[i] == c;
        }
        if (hit == negate) return false;
        p = close + 1;
        return true;
    }

    /// <summary>
    /// An absolute or home-relative path with <c>//</c>, <c>/./</c> and <c>..</c> resolved and no trailing slash
    /// (<c>/usr/../</c> is <c>/</c>); anything else is returned as it is.
    /// </summary>
    public static string NormalizePath(string arg)
    {
        string prefix;
        string rest;
        if (arg.StartsWith('/')) { prefix = ""; rest = arg; }
        else if (arg == "~" || arg.StartsWith("~/", StringComparison.Ordinal)) { prefix = "~"; rest = arg[1..]; }
        else if (arg == "$HOME" || arg.StartsWith("$HOME/", StringComparison.Ordinal)) { prefix = "$HOME"; rest = arg[5..]; }
        else return arg;
        if (rest.Length == 0 || IsNormal(rest)) return arg;
        var segments = new List<string>();
        foreach (var segment in rest.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..") { if (segments.Count > 0) segments.RemoveAt(segments.Count - 1); continue; }
            segments.Add(segment);
        }
        return segments.Count == 0 ? (prefix.Length == 0 ? "/" : prefix) : prefix + "/" + string.Join('/', segments);
    }

    /// <summary>A path after its prefix (<c>/a/b</c>) that normalizing would leave as it is: nothing to remove or resolve.</summary>
    private static bool IsNormal(string rest) =>
        rest.Length > 1 && rest[^1] != '/' && !rest.EndsWith("/.", StringComparison.Ordinal) && !rest.EndsWith("/..", StringComparison.Ordinal)
        && !rest.Contains("//", StringComparison.Ordinal) && !rest.Contains("/./", StringComparison.Ordinal) && !rest.Contains("/../", StringComparison.Ordinal);

    /// <summary><c>rm</c>'s options in one order, before its operands: <c>-r</c>, <c>-f</c>, then the rest as written.</summary>
    public static List<string> NormalizeRm(IReadOnlyList<string> args)
    {
        bool recursive = false, force = false, endOfOptions = false;
        var other = new List<string>();
        var operands = new List<string>();
        foreach (var a in args)
        {
            if (endOfOptions || a.Length < 2 || a[0] != '-') { operands.Add(a); continue; }
            if (a == "--") { endOfOptions = true; continue; }
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                if (a == "--recursive") recursive = true;
                else if (a == "--force") force = true;
                else other.Add(a);
                continue;
            }
            foreach (var c in a.AsSpan(1))
            {
                if (c is 'r' or 'R') recursive = true;
                else if (c == 'f') force = true;
                else other.Add("-" + c);
            }
        }
        var result = new List<string>(args.Count);
        if (recursive) result.Add("-r");
        if (force) result.Add("-f");
        result.AddRange(other);
        result.AddRange(operands);
        return result;
    }

    /// <summary>
    /// An argument as rules read it: shell operator characters inside it are escaped (<c>echo "a | sh"</c> must not read
    /// as a pipe into sh), control characters become visible.
    /// </summary>
    public static void AppendEscaped(StringBuilder sb, string arg)
    {
        foreach (var c in arg) AppendEscaped(sb, c);
    }

    public static void AppendEscaped(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '|' or ';' or '&' or '<' or '>': sb.Append('\\').Append(c); break;
            case '\n': sb.Append("\\n"); break;
            case '\r' or '\t' or '\v' or '\f': sb.Append(' '); break;
            default: sb.Append(char.IsControl(c) ? '?' : c); break;
        }
    }

    public static string Escape(string arg)
    {
        if (arg.AsSpan().IndexOfAny("|;&<>\n\r\t\v\f") < 0 && !arg.Any(char.IsControl)) return arg;
        var sb = new StringBuilder(arg.Length + 8);
        AppendEscaped(sb, arg);
        return sb.ToString();
    }
}
