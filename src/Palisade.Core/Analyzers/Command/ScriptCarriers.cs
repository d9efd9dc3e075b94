namespace Palisade.Core.Analyzers.Commands;

/// <summary>
/// Programs that take a command string or inline code: shells (<c>-c</c>), <c>eval</c>, <c>ssh host CMD</c>,
/// <c>su -c</c>, <c>watch</c>, <c>cmd /c</c>, PowerShell, and language interpreters (<c>python -c</c>, <c>perl -e</c>…).
/// </summary>
public static class ScriptCarriers
{
    internal static readonly HashSet<string> SshValueOptions =
        ["-b", "-c", "-D", "-E", "-e", "-F", "-I", "-i", "-J", "-L", "-l", "-m", "-O", "-o", "-p", "-Q", "-R", "-S", "-W", "-w", "-B"];

    public static IEnumerable<Nested> Find(ArgvCommand c)
    {
        var p = c.Program;
        var args = c.Args;
        if (KnownCommands.Shells.Contains(p)) return Shell(args);
        if (KnownCommands.IsPowerShell(p)) return PowerShell.PowerShellCommandLine.Find(args);
        if (KnownCommands.IsCmdExe(p)) return CmdLine(args);
        if (KnownCommands.InterpreterLanguage(p) is { } language) return Interpreter(language, args);
        switch (p)
        {
            case "eval" when args.Count > 0:
                return [new NestedScript(string.Join(' ', args), ScriptDialect.Posix)];
            case "trap" when args.Count > 1 && args[0] != "-":
                return [new NestedScript(args[0], ScriptDialect.Posix)];
            case "ssh":
                var host = CommandWrappers.Operands(args, SshValueOptions);
                return host + 1 < args.Count ? [new NestedScript(string.Join(' ', args.Skip(host + 1)), ScriptDialect.Posix)] : [];
            case "nc" or "ncat" or "netcat" or "nc.traditional":
                return NetcatExec(args);
            case "ed" or "red" or "ex":
                // ed reads its commands on stdin: `e FILE` opens a file, `!CMD` runs a shell command.
                return [new NestedStdin("ed")];
            case "su" or "runuser" or "sg":
                return Su(c);
            case "watch":
                var start = CommandWrappers.Operands(args, ["-n", "--interval", "-q", "--equexit"]);
                if (start >= args.Count) return [];
                return args.Take(start).Any(a => a is "-x" or "--exec")
                    ? [new NestedCommand(c.Skip(start + 1))]
                    : [new NestedScript(string.Join(' ', args.Skip(start)), ScriptDialect.Posix)];
            case "script":
                for (var i = 0; i + 1 < args.Count; i++)
                    if (args[i] is "-c" or "--command" || (args[i].StartsWith('-') && !args[i].StartsWith("--") && args[i].EndsWith('c')))
                        return [new NestedScript(args[i + 1], ScriptDialect.Posix)];
                return [];
        }
        var argv0 = c.Argv.Count > 0 ? c.Argv[0] : "";
        return IsScriptPath(argv0) ? [new NestedScriptFile(argv0)] : [];
    }

    /// <summary>A program named by a path outside the system directories (<c>./run.sh</c>, <c>/tmp/x</c>, <c>%TEMP%\x.exe</c>) is a file being executed.</summary>
    private static bool IsScriptPath(string argv0) =>
        argv0.AsSpan().IndexOfAny('/', '\\') >= 0 && !argv0.Contains("://") && !argv0.StartsWith("$(", StringComparison.Ordinal)
        && !InSystemDirectory(argv0);

    private static bool InSystemDirectory(string argv0)
    {
        foreach (var d in SystemDirectories)
            if (argv0.StartsWith(d, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] SystemDirectories =
        ["/bin/", "/usr/bin/", "/sbin/", "/usr/sbin/", "/usr/local/bin/", "c:\\windows\\system32\\", "c:\\windows\\syswow64\\", "%windir%\\system32\\", "%systemroot%\\system32\\"];

    private static IEnumerable<Nested> Shell(IReadOnlyList<string> args)
    {
        var command = false;
        var i = 0;
        while (i < args.Count)
        {
            var a = args[i];
            if (a is "--" or "-") { i++; break; }
            if (a.StartsWith("--", StringComparison.Ordinal)) { i += a is "--rcfile" or "--init-file" ? 2 : 1; continue; }
            if (a.Length < 2 || a[0] is not ('-' or '+')) break;
            command |= a[0] == '-' && a.Contains('c');
            i += a.Contains('o') || a.Contains('O') ? 2 : 1;
        }
        if (command) return i < args.Count ? [new NestedScript(args[i], ScriptDialect.Posix)] : [];
        return i < args.Count ? [new NestedScriptFile(args[i])] : [new NestedStdin("sh")];
    }

    private static IEnumerable<Nested> CmdLine(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.Length < 2 || a[0] != '/') break;
            var option = char.ToLowerInvariant(a[1]);
            if (option is 'c' or 'k' or 'r')
            {
                var rest = string.Join(' ', args.Skip(i + 1));
                var attached = a.Length > 2 ? a[2..] : "";
                return [new NestedScript(attached.Length > 0 ? (attached + " " + rest).Trim() : rest, ScriptDialect.Cmd)];
            }
        }
        return [];
    }

    /// <summary><c>nc -e PROGRAM</c> runs a program, <c>nc -c STRING</c> and <c>ncat --sh-exec STRING</c> a command string, for the peer.</summary>
    private static IEnumerable<Nested> NetcatExec(IReadOnlyList<string> args)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            var a = args[i];
            if (a is "-c" or "--sh-exec" || (a.Length > 2 && a[0] == '-' && a[1] != '-' && a[^1] == 'c'))
                return [new NestedScript(args[i + 1], ScriptDialect.Posix)];
            if (a is "-e" or "--exec" || (a.Length > 2 && a[0] == '-' && a[1] != '-' && a[^1] == 'e'))
                return [new NestedScript(args[i + 1], ScriptDialect.Posix)];
        }
        return [];
    }

    private static IEnumerable<Nested> Su(ArgvCommand c)
    {
        var args = c.Args;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a is "-c" or "--command" or "--session-command" && i + 1 < args.Count) return [new NestedScript(args[i + 1], ScriptDialect.Posix)];
            if (a.StartsWith("--command=", StringComparison.Ordinal)) return [new NestedScript(a[10..], ScriptDialect.Posix)];
            if (a == "--" && c.Program == "runuser" && i + 1 < args.Count) return [new NestedCommand(c.Skip(i + 2))];
            if (a is "-s" or "-g" or "-G" or "-u" or "--shell" or "--group") i++;
        }
        return [];
    }

    private sealed record Flags(string Code, string Values, string[] LongCode, string[] LongValues);

    private static Flags FlagsFor(string language) => language switch
    {
        "python" => new("c", "mWXQ", [], []),
        "perl" => new("eE", "IMx", [], []),
        "ruby" => new("e", "rICE", [], ["--require"]),
        "php" => new("rBRE", "dcfz", [], []),
        "node" => new("ep", "rC", ["--eval", "--print"], ["--require", "--import", "--loader", "--input-type"]),
        "lua" => new("e", "l", [], []),
        "applescript" => new("e", "ls", [], []),
        "awk" => new("", "Fvf", [], ["--file", "--assign", "--field-separator"]),
        "tcl" => new("c", "f", [], []),
        _ => new("", "", [], []),
    };

    private static IEnumerable<Nested> Interpreter(string language, IReadOnlyList<string> args)
    {
        var flags = FlagsFor(language);
        var code = new List<string>();
        string? programFile = null;
        var i = 0;
        while (i < args.Count)
        {
            var a = args[i];
            if (a == "--") { i++; break; }
            if (a == "-") return [new NestedStdin(language)];
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = a.IndexOf('=');
                var name = eq < 0 ? a : a[..eq];
                if (flags.LongCode.Contains(name)) { code.Add(eq < 0 ? (i + 1 < args.Count ? args[++i] : "") : a[(eq + 1)..]); i++; continue; }
                i += eq < 0 && flags.LongValues.Contains(name) ? 2 : 1;
                continue;
            }
            if (a.Length < 2 || a[0] != '-') break;
            if (language == "python" && a.StartsWith("-m", StringComparison.Ordinal)) return [];
            for (var k = 1; k < a.Length; k++)
            {
                var f = a[k];
                if (flags.Code.Contains(f))
                {
                    code.Add(k == a.Length - 1 ? (i + 1 < args.Count ? args[++i] : "") : a[(k + 1)..]);
                    break;
                }
                if (flags.Values.Contains(f))
                {
                    var value = k == a.Length - 1 ? (i + 1 < args.Count ? args[++i] : "") : a[(k + 1)..];
                    if (f == 'f' && language is "awk" or "php" or "tcl") programFile = value;
                    break;
                }
            }
            i++;
        }
        if (code.Count > 0) return [new NestedCode(language, string.Join('\n', code))];
        if (programFile is not null) return [new NestedScriptFile(programFile)];
        if (language == "awk") return i < args.Count ? [new NestedCode(language, args[i])] : [];
        return i < args.Count ? [new NestedScriptFile(args[i])] : [new NestedStdin(language)];
    }
}
