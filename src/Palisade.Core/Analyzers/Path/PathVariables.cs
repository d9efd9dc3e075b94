using System.Text;

namespace Palisade.Core.Analyzers.Paths;

/// <summary>
/// Expands the variables agents put in paths (<c>$HOME</c>, <c>${HOME}</c>, <c>%USERPROFILE%</c>, <c>$env:APPDATA</c>…)
/// to their usual values, with the home directory written <c>~</c>. The user's real environment is never read: a path is
/// judged by what it means on any machine, and the verdict does not depend on who runs the firewall.
/// Unknown variables are left as written.
/// </summary>
internal static class PathVariables
{
    /// <summary>Values under POSIX syntax (<c>$NAME</c>, <c>${NAME}</c>).</summary>
    private static readonly Dictionary<string, string> Posix = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HOME"] = "~",
        ["ZDOTDIR"] = "~",
        ["USER"] = "user",
        ["USERNAME"] = "user",
        ["LOGNAME"] = "user",
        ["PWD"] = ".",
        ["TMPDIR"] = "/tmp",
        ["TMP"] = "/tmp",
        ["TEMP"] = "/tmp",
        ["XDG_CONFIG_HOME"] = "~/.config",
        ["XDG_DATA_HOME"] = "~/.local/share",
        ["XDG_CACHE_HOME"] = "~/.cache",
        ["XDG_STATE_HOME"] = "~/.local/state",
        ["GNUPGHOME"] = "~/.gnupg",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "~/.aws/credentials",
        ["AWS_CONFIG_FILE"] = "~/.aws/config",
        ["KUBECONFIG"] = "~/.kube/config",
        ["DOCKER_CONFIG"] = "~/.docker",
        ["CARGO_HOME"] = "~/.cargo",
        ["CLAUDE_CONFIG_DIR"] = "~/.claude",
        ["CODEX_HOME"] = "~/.codex",
        ["HISTFILE"] = "~/.bash_history",
    };

    /// <summary>Values that only exist on Windows; they make the path a Windows path whatever syntax names them.</summary>
    private static readonly Dictionary<string, string> Windows = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USERPROFILE"] = "~",
        ["HOMEPATH"] = "~",
        ["HOMEDRIVE"] = "",
        ["APPDATA"] = "~/AppData/Roaming",
        ["LOCALAPPDATA"] = "~/AppData/Local",
        ["SYSTEMROOT"] = "C:/Windows",
        ["WINDIR"] = "C:/Windows",
        ["SYSTEMDRIVE"] = "C:",
        ["PROGRAMDATA"] = "C:/ProgramData",
        ["ALLUSERSPROFILE"] = "C:/ProgramData",
        ["PROGRAMFILES"] = "C:/Program Files",
        ["PROGRAMFILES(X86)"] = "C:/Program Files (x86)",
        ["PROGRAMW6432"] = "C:/Program Files",
        ["PUBLIC"] = "C:/Users/Public",
    };

    /// <summary>Under Windows syntax (<c>%TEMP%</c>, <c>$env:TEMP</c>) the temporary directory is the user's, not <c>/tmp</c>.</summary>
    private static readonly Dictionary<string, string> WindowsSyntaxOverrides = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TEMP"] = "~/AppData/Local/Temp",
        ["TMP"] = "~/AppData/Local/Temp",
        ["USERNAME"] = "user",
    };

    /// <summary>The longest <c>${…}</c> looked for: names are short, and so are the defaults people write.</summary>
    private const int MaxBraced = 256;

    public static bool MayHaveVariables(string s) => s.AsSpan().IndexOfAny('$', '%') >= 0;

    /// <summary>The path with known variables expanded; <paramref name="windows"/> is set when a Windows variable or syntax was used.</summary>
    public static string Expand(string s, ref bool windows)
    {
        if (!MayHaveVariables(s)) return s;
        var sb = new StringBuilder(s.Length + 16);
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '%' && TryPercent(s, i, sb, ref windows, out var next)) i = next;
            else if (c == '$' && TryDollar(s, i, sb, ref windows, out next)) i = next;
            else
            {
                sb.Append(c);
                i++;
            }
        }
        return sb.ToString();
    }

    /// <summary><c>%NAME%</c> (cmd).</summary>
    private static bool TryPercent(string s, int at, StringBuilder sb, ref bool windows, out int next)
    {
        next = at;
        var end = s.IndexOf('%', at + 1);
        if (end < 0 || !IsName(s.AsSpan(at + 1, end - at - 1), allowParens: true)) return false;
        if (!TryLookup(s[(at + 1)..end], windowsSyntax: true, out var value, ref windows)) return false;
        sb.Append(value);
        next = end + 1;
        return true;
    }

    /// <summary><c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-default}</c> (POSIX shells); <c>$env:NAME</c>, <c>${env:NAME}</c> (PowerShell).</summary>
    private static bool TryDollar(string s, int at, StringBuilder sb, ref bool windows, out int next)
    {
        next = at;
        var i = at + 1;
        if (i < s.Length && s[i] == '{')
        {
            // Bounded, so a path of a thousand "${" stays linear.
            var close = s.IndexOf('}', i + 1, Math.Min(MaxBraced, s.Length - i - 1));
            if (close < 0) return false;
            var body = s[(i + 1)..close];
            var powershell = body.StartsWith("env:", StringComparison.OrdinalIgnoreCase);
            if (powershell) body = body[4..];
            var op = body.IndexOfAny([':', '-']);
            var name = op < 0 ? body : body[..op];
            if (!IsName(name, allowParens: powershell)) return false;
            if (TryLookup(name, powershell, out var value, ref windows)) sb.Append(value);
            else if (!powershell && DefaultAfter(body, op) is { } fallback) sb.Append(fallback);
            else return false;
            if (powershell) windows = true;
            next = close + 1;
            return true;
        }
        var ps = s.AsSpan(i).StartsWith("env:", StringComparison.OrdinalIgnoreCase);
        if (ps) i += 4;
        var start = i;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '_')) i++;
        if (i == start || char.IsAsciiDigit(s[start])) return false;
        if (!TryLookup(s[start..i], ps, out var v, ref windows)) return false;
        if (ps) windows = true;
        sb.Append(v);
        next = i;
        return true;
    }

    /// <summary>The default of <c>${NAME:-default}</c> or <c>${NAME-default}</c>, or null.</summary>
    private static string? DefaultAfter(string body, int op) =>
        op < 0 ? null : body.AsSpan(op).StartsWith(":-") ? body[(op + 2)..] : body[op] == '-' ? body[(op + 1)..] : null;

    private static bool TryLookup(string name, bool windowsSyntax, out string value, ref bool windows)
    {
        if (windowsSyntax && WindowsSyntaxOverrides.TryGetValue(name, out value!))
        {
            windows = true;
            return true;
        }
        if (Windows.TryGetValue(name, out value!))
        {
            windows = true;
            return true;
        }
        if (Posix.TryGetValue(name, out value!))
        {
            windows |= windowsSyntax;
            return true;
        }
        return false;
    }

    private static bool IsName(ReadOnlySpan<char> name, bool allowParens)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_')) return false;
        foreach (var c in name)
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowParens && c is '(' or ')'))) return false;
        return true;
    }
}
