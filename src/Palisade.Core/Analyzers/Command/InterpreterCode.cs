using System.Text;

namespace Palisade.Core.Analyzers.Commands;

/// <summary>
/// Finds the shell commands inline interpreter code runs: <c>os.system("…")</c>, <c>subprocess.call(["sh","-c","…"])</c>,
/// <c>system("…")</c>, backticks and <c>qx{…}</c>, <c>child_process.execSync("…")</c>, <c>do shell script "…"</c>.
/// A string literal passed to such a call is analysed as a shell command; a list literal as an argument vector.
/// </summary>
public static class InterpreterCode
{
    private static readonly string[] Calls =
    [
        "system", "popen", "exec", "execSync", "execFile", "execFileSync", "spawn", "spawnSync", "shell_exec", "passthru",
        "proc_open", "check_output", "check_call", "call", "run", "Popen", "getoutput", "getstatusoutput", "capture2", "capture3",
        "execl", "execlp", "execv", "execvp", "do shell script", "do script",
    ];

    /// <summary>Calls whose first string argument is a file the code reads.</summary>
    private static readonly string[] FileReads =
        ["open", "fopen", "file_get_contents", "readFileSync", "readFile", "read_text", "read_bytes", "File.read", "IO.read", "File.open", "createReadStream"];

    private const int MaxFound = 32;

    public static IEnumerable<Nested> Find(string language, string code)
    {
        if (language == "ed") return EdScript(code);
        var found = new List<Nested>();
        foreach (var after in AfterNames(code, Calls, found))
        {
            var i = SkipSpace(code, after);
            var paren = i < code.Length && code[i] == '(';
            if (paren) i = SkipSpace(code, i + 1);
            else if (language is not ("perl" or "ruby" or "applescript" or "tcl")) continue;
            if (i < code.Length && code[i] == '[')
            {
                var argv = ReadList(code, i + 1);
                if (argv.Count > 0) found.Add(new NestedCommand(ArgvCommand.FromWords(argv)));
                continue;
            }
            if (ReadString(code, i) is { } text) found.Add(new NestedScript(text, ScriptDialect.Posix));
        }
        if (language is "perl" or "ruby" or "php") FindBackticks(code, found);
        FindFileReads(code, found);
        return found;
    }

    /// <summary>
    /// ed commands: <c>e FILE</c>, <c>E FILE</c> and <c>r FILE</c> read a file (an address may come first), <c>!CMD</c>,
    /// <c>r !CMD</c>, <c>e !CMD</c> and <c>w !CMD</c> run a shell command.
    /// </summary>
    private static List<Nested> EdScript(string code)
    {
        var found = new List<Nested>();
        foreach (var raw in code.Split('\n'))
        {
            if (found.Count >= MaxFound) break;
            var line = raw.Trim();
            var i = 0;
            while (i < line.Length && (char.IsAsciiDigit(line[i]) || line[i] is ',' or '.' or '$' or ';' or '+' or '-')) i++;
            if (i < line.Length && line[i] == '!') { found.Add(new NestedScript(line[(i + 1)..], ScriptDialect.Posix)); continue; }
            if (i >= line.Length || line[i] is not ('e' or 'E' or 'r' or 'w' or 'W') || i + 1 >= line.Length || line[i + 1] != ' ') continue;
            var operand = line[(i + 2)..].Trim();
            if (operand.StartsWith('!')) found.Add(new NestedScript(operand[1..], ScriptDialect.Posix));
            else if (operand.Length > 0 && line[i] is not ('w' or 'W')) found.Add(new NestedFileRead(operand));
        }
        return found;
    }

    private static void FindFileReads(string code, List<Nested> found)
    {
        foreach (var after in AfterNames(code, FileReads, found))
        {
            var i = SkipSpace(code, after);
            if (i >= code.Length || code[i] != '(') continue;
            i = SkipSpace(code, i + 1);
            if (ReadString(code, i) is { Length: > 0 } path && path.IndexOfAny(['\n', '{', '%']) < 0) found.Add(new NestedFileRead(path.TrimStart('<', ' ')));
        }
    }

    /// <summary>
    /// Where each of <paramref name="names"/> ends, wherever it stands in <paramref name="code"/> as a name of its own
    /// (not the tail of a longer identifier), until <paramref name="found"/> holds <see cref="MaxFound"/> items.
    /// </summary>
    private static IEnumerable<int> AfterNames(string code, string[] names, List<Nested> found)
    {
        foreach (var name in names)
        {
            var at = 0;
            while (found.Count < MaxFound && (at = code.IndexOf(name, at, StringComparison.Ordinal)) >= 0)
            {
                var before = at > 0 ? code[at - 1] : ' ';
                at += name.Length;
                if (!char.IsLetterOrDigit(before) && before != '_') yield return at;
            }
        }
    }

    private static void FindBackticks(string code, List<Nested> found)
    {
        var at = 0;
        while (found.Count < MaxFound && (at = code.IndexOf('`', at)) >= 0)
        {
            var end = code.IndexOf('`', at + 1);
            if (end < 0) break;
            found.Add(new NestedScript(code[(at + 1)..end], ScriptDialect.Posix));
            at = end + 1;
        }
        at = 0;
        while (found.Count < MaxFound && (at = code.IndexOf("qx", at, StringComparison.Ordinal)) >= 0)
        {
            at += 2;
            if (at >= code.Length) break;
            var open = code[at];
            var close = open switch { '{' => '}', '(' => ')', '[' => ']', '<' => '>', _ => open };
            if (char.IsLetterOrDigit(open) || char.IsWhiteSpace(open)) continue;
            var end = code.IndexOf(close, at + 1);
            if (end < 0) break;
            found.Add(new NestedScript(code[(at + 1)..end], ScriptDialect.Posix));
            at = end + 1;
        }
    }

    private static int SkipSpace(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        return i;
    }

    /// <summary>A quoted literal at <paramref name="i"/> (single, double or backtick quotes; backslash escapes), or null.</summary>
    private static string? ReadString(string s, int i) => ReadString(s, ref i);

    private static string? ReadString(string s, ref int i)
    {
        if (i >= s.Length || s[i] is not ('"' or '\'' or '`')) return null;
        var quote = s[i++];
        var sb = new StringBuilder();
        while (i < s.Length && s[i] != quote)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                var e = s[i + 1];
                sb.Append(e switch { 'n' => '\n', 't' => '\t', _ => e });
                i += 2;
                continue;
            }
            sb.Append(s[i++]);
        }
        if (i >= s.Length) return null;
        i++;
        return sb.ToString();
    }

    private static List<string> ReadList(string s, int i)
    {
        var items = new List<string>();
        while (i < s.Length && items.Count < 64)
        {
            i = SkipSpace(s, i);
            if (i >= s.Length || s[i] == ']') break;
            if (s[i] == ',') { i++; continue; }
            var item = ReadString(s, ref i);
            if (item is null) break;
            items.Add(item);
        }
        return items;
    }
}
