using System.Text.RegularExpressions;

namespace Palisade.Core.Analyzers.Commands;

/// <summary>
/// Decides whether a line is PowerShell, cmd.exe or POSIX sh. The dialect changes how a line reads
/// (<c>C:\Users\x</c> keeps its backslashes in cmd, loses them in sh), so a line is parsed as what it most likely is;
/// POSIX is the default, as agents mostly run sh.
/// </summary>
public static class DialectDetector
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    /// <summary>A cmdlet (approved verb, dash, noun) in command position, a PowerShell variable assignment, a type literal.</summary>
    private static readonly Regex PowerShellStart = new(
        @"^\s*(?:get|set|new|remove|invoke|start|stop|add|import|export|write|out|test|copy|move|clear|enable|disable|register|unregister|convertto|convertfrom|select|where|foreach|expand|compress|resolve|join|split|install|uninstall|mount|dismount|restart|update|find|measure|format|read|wait|rename|push|pop|suspend|resume|grant|revoke|unblock|protect|unprotect|send|receive|connect|disconnect|enter|exit|show|hide|use|reset|repair|save|sort|group|tee|trace|debug|limit|initialize|block|approve|backup|checkpoint|complete|confirm|deny|edit|lock|merge|optimize|request|restore|submit|sync|unlock|watch|search|publish|open|close|convert|undo)-[a-z]+\b" +
        @"|^\s*\$[a-z_][a-z0-9_:]*\s*(?:\[[^\]]*\]\s*)?[-+]?=|^\s*\[[a-z][a-z0-9_.]*(?:\[\])?\]\s*(?:::|\.[a-z]|\$)|^\s*(?:iex|iwr|irm|icm|saps|gwmi|iwmi|gci)\b|^\s*(?:foreach\s*\(|try\s*\{|param\s*\(|if\s*\(\s*(?:\$|!|-not\b|\(?test-path\b)|\$null\b|&\s*\(\s*\$)",
        Options);

    /// <summary>PowerShell idioms anywhere in the text.</summary>
    private static readonly Regex PowerShellAnywhere = new(
        @"\$env:[a-z_]|\[(?:system\.)?(?:convert|text\.encoding|io\.file|reflection\.assembly|net\.webclient)\]::|new-object\s+(?:-typename\s+)?(?:system\.)?net\.|-erroraction\s|\|\s*out-null\b|\$\(\s*get-|\bwrite-host\b|\bget-(?:childitem|itemproperty|content|process|wmiobject|ciminstance)\b",
        Options);

    private static readonly Regex CmdVariable = new(@"%[a-z_][a-z0-9_]{2,}%|![a-z_][a-z0-9_]{2,}!", Options);

    public static ScriptDialect Detect(string text)
    {
        var first = FirstCommandLine(text);
        if (first.Length == 0) return ScriptDialect.Posix;
        if (MayStartPowerShell(first) && PowerShellStart.IsMatch(first)) return ScriptDialect.PowerShell;
        var word = FirstWord(first);
        var program = ArgvNormalizer.Program(word.TrimStart('@'));
        if (KnownCommands.WindowsOnly.Contains(program) && program is not ("cmd" or "powershell")) return ScriptDialect.Cmd;
        if ((KnownCommands.IsCmdExe(program) || KnownCommands.IsPowerShell(program)) && text.Contains('\\')) return ScriptDialect.Cmd;
        if (text.Length <= 64 * 1024 && MayHavePowerShellIdiom(text) && PowerShellAnywhere.IsMatch(text) && !LooksPosix(first)) return ScriptDialect.PowerShell;
        if (first.StartsWith('@') || first.StartsWith("rem ", StringComparison.OrdinalIgnoreCase) || first.StartsWith("::", StringComparison.Ordinal)) return ScriptDialect.Cmd;
        if (text.Length <= 64 * 1024 && text.AsSpan().IndexOfAny('%', '!') >= 0 && CmdVariable.IsMatch(text) && word.IndexOf('/') < 0) return ScriptDialect.Cmd;
        if (LooksLikeWindowsPath(word)) return ScriptDialect.Cmd;
        return ScriptDialect.Posix;
    }

    // The two checks below skip a regex that cannot match, and decide nothing themselves: most lines are plain POSIX,
    // and the regexes run on every line. Anything outside ASCII goes to the regex, whose case folding is wider.

    /// <summary>False only where <see cref="PowerShellStart"/> cannot match: the first word is no verb-noun, alias or keyword.</summary>
    private static bool MayStartPowerShell(string first)
    {
        if (first[0] is '$' or '[' or '&') return true;
        var run = 0;
        while (run < first.Length && char.IsLetter(first[run])) run++;
        if (run == 0) return false;
        if (run < first.Length && first[run] == '-') return true;
        var word = first.AsSpan(0, run);
        if (word.ContainsAnyExceptInRange('\0', '\x7f')) return true;
        foreach (var keyword in (ReadOnlySpan<string>)["iex", "iwr", "irm", "icm", "saps", "gwmi", "iwmi", "gci", "foreach", "try", "param", "if"])
            if (word.Equals(keyword, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>False only where <see cref="PowerShellAnywhere"/> cannot match: none of its literals occurs.</summary>
    private static bool MayHavePowerShellIdiom(string text)
    {
        var s = text.AsSpan();
        if (s.ContainsAnyExceptInRange('\0', '\x7f')) return true;
        foreach (var literal in (ReadOnlySpan<string>)["$env:", "]::", "new-object", "-erroraction", "out-null", "get-", "write-host"])
            if (s.Contains(literal, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Common POSIX first words that PowerShell idioms later in the line do not turn into PowerShell.</summary>
    private static bool LooksPosix(string line)
    {
        var p = ArgvNormalizer.Program(FirstWord(line));
        return KnownCommands.Shells.Contains(p) || p is "sudo" or "echo" or "curl" or "wget" or "cat" or "export" or "env";
    }

    /// <summary><c>C:\tools\x.exe</c>, <c>"%TEMP%\x.exe"</c>, <c>.\run.bat</c>.</summary>
    private static bool LooksLikeWindowsPath(string word)
    {
        var w = word.Trim('"');
        return (w.Length > 2 && char.IsAsciiLetter(w[0]) && w[1] == ':' && w[2] == '\\') || w.StartsWith(".\\", StringComparison.Ordinal)
            || w.StartsWith("\\\\", StringComparison.Ordinal);
    }

    private static string FirstCommandLine(string text)
    {
        var start = 0;
        var scanned = 0;
        while (start < text.Length && scanned++ < 64)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var line = text.AsSpan(start, end - start).Trim();
            if (line.Length > 0 && line[0] != '#' && !line.StartsWith("<#")) return line.Length > 4096 ? line[..4096].ToString() : line.ToString();
            start = end + 1;
        }
        return "";
    }

    private static string FirstWord(string line)
    {
        var s = line.TrimStart();
        if (s.StartsWith('"'))
        {
            var close = s.IndexOf('"', 1);
            return close > 0 ? s[1..close] : s[1..];
        }
        var end = s.AsSpan().IndexOfAny(" \t;|&(");
        return end < 0 ? s : s[..end];
    }
}
