namespace Palisade.Core.Analyzers.Commands;

/// <summary>
/// Programs that run another command: <c>sudo</c>, <c>env</c>, <c>nohup</c>, <c>timeout</c>, <c>xargs</c>,
/// <c>find -exec</c>… and those that carry a command string (<see cref="ScriptCarriers"/>). What they run is
/// analysed as if written directly, so wrapping a command never hides it.
/// </summary>
public static class CommandWrappers
{
    public static IEnumerable<Nested> Find(ArgvCommand c)
    {
        var args = c.Args;
        switch (c.Program)
        {
            case "sudo":
                return Wrapped(c, Operands(args, ["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "--user", "--group", "--chdir", "--prompt", "--host"]), assignments: true);
            case "doas":
                return Wrapped(c, Operands(args, ["-u", "-C"]));
            case "nohup" or "builtin" or "unbuffer" or "torsocks" or "tsocks" or "fakeroot" or "catchsegv" or "caffeinate" or "setsid" or "wsl":
                return Wrapped(c, Operands(args, ["-w", "-d", "-u", "-e"]));
            case "proxychains" or "proxychains4":
                return Wrapped(c, Operands(args, ["-f"]));
            case "exec":
                return Wrapped(c, Operands(args, ["-a"]));
            case "command":
                return args.Any(a => a is "-v" or "-V") ? [] : Wrapped(c, Operands(args, []));
            case "time":
                return Wrapped(c, Operands(args, ["-o", "-f", "--output", "--format"]));
            case "nice":
                return Wrapped(c, Operands(args, ["-n", "--adjustment"]));
            case "ionice":
                return Wrapped(c, Operands(args, ["-c", "-n", "-p", "-P", "-u", "--class", "--classdata"]));
            case "chrt" or "taskset":
                return Wrapped(c, Operands(args, []) + 1);
            case "stdbuf":
                return Wrapped(c, Operands(args, ["-i", "-o", "-e"]));
            case "timeout":
                return Wrapped(c, Operands(args, ["-s", "-k", "--signal", "--kill-after"]) + 1);
            case "chroot":
                return Wrapped(c, Operands(args, ["--userspec", "--groups"]) + 1);
            case "flock":
                return Flock(c);
            case "env":
                return Env(c);
            case "printenv" when args.Count == 0:
            case "set" when args.Count == 0:
            case "export" when args is [] or ["-p"]:
            case "declare" or "typeset" when args is ["-x"] or ["-p"] or ["-px"] or ["-xp"]:
                return [new NestedEnvironmentDump()];
            case "xargs":
                return Wrapped(c, Operands(args, ["-I", "-n", "-P", "-d", "-L", "-s", "-E", "-a", "--arg-file", "--delimiter", "--max-args", "--max-procs", "--max-lines", "--max-chars", "--replace", "--eof"]));
            case "find":
                return FindExec(c);
            case "systemd-run":
                return Wrapped(c, Operands(args, ["-u", "--unit", "-p", "--property", "--description", "--on-calendar", "--on-active", "--on-boot", "--on-unit-active", "--timer-property", "--uid", "--gid", "--working-directory", "-E", "--setenv", "--slice", "-M", "-H", "--machine", "--host"]));
            case "nsenter" or "unshare":
                return Wrapped(c, Operands(args, ["-t", "--target", "-S", "--setuid", "-G", "--setgid", "-w", "--wd", "-r", "--root"]));
            case "kubectl" when args.Count > 0 && args[0] is "exec" or "run" or "debug":
            case "oc" when args.Count > 0 && args[0] is "exec" or "run" or "debug":
                var dashes = IndexOf(args, "--");
                return dashes < 0 ? [] : Wrapped(c, dashes + 1);
            case "docker" or "podman" when args.Count > 0 && args[0] == "exec":
                return Wrapped(c, 1 + Operands(args.Skip(1).ToArray(), ["-u", "--user", "-e", "--env", "-w", "--workdir", "--env-file", "--detach-keys"]) + 1);
            case "start" or "call" when args.Count > 0:
                // cmd.exe: start ["title"] [/b /min /wait …] program args
                var first = 0;
                while (first < args.Count && (args[first].Length == 0 || args[first].StartsWith('/'))) first++;
                return Wrapped(c, first);
            case "busybox" when args.Count > 0:
                return Wrapped(c, 0);
            case "source" or "." when args.Count > 0:
                return [new NestedScriptFile(args[0])];
            default:
                return ScriptCarriers.Find(c);
        }
    }

    /// <summary>The index in <paramref name="args"/> of the first operand, skipping options (and the values of those in <paramref name="withValue"/>).</summary>
    public static int Operands(IReadOnlyList<string> args, IReadOnlyCollection<string> withValue)
    {
        var i = 0;
        while (i < args.Count)
        {
            var a = args[i];
            if (a == "--") return i + 1;
            if (a.Length < 2 || a[0] != '-') return i;
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                i += a.Contains('=') || !withValue.Contains(a) ? 1 : 2;
                continue;
            }
            // A short option cluster: a value option as its last letter takes the next word; elsewhere, the rest of the cluster.
            var valueAt = -1;
            for (var k = 1; k < a.Length; k++)
                if (withValue.Contains("-" + a[k])) { valueAt = k; break; }
            i += valueAt == a.Length - 1 ? 2 : 1;
        }
        return i;
    }

    private static IEnumerable<Nested> Wrapped(ArgvCommand c, int operandIndex, bool assignments = false)
    {
        var start = 1 + operandIndex;
        var found = new List<Nested>();
        while (assignments && start < c.Argv.Count && AsAssignment(c.Argv[start]) is { } a)
        {
            found.Add(a);
            start++;
        }
        if (start < c.Argv.Count) found.Add(new NestedCommand(c.Skip(start)));
        return found;
    }

    private static NestedAssignment? AsAssignment(string word)
    {
        var eq = word.IndexOf('=');
        return eq > 0 && Posix.ShellParser.IsName(word.AsSpan(0, eq)) ? new NestedAssignment(word[..eq], word[(eq + 1)..]) : null;
    }

    private static IEnumerable<Nested> Env(ArgvCommand c)
    {
        var args = c.Args;
        var found = new List<Nested>();
        var i = 0;
        while (i < args.Count)
        {
            var a = args[i];
            if (a is "-i" or "-0" or "--ignore-environment" or "-" or "--null" or "-v" or "--debug") { i++; continue; }
            if (a is "-u" or "--unset" or "-C" or "--chdir") { i += 2; continue; }
            if (a is "-S" or "--split-string" && i + 1 < args.Count)
            {
                found.Add(new NestedScript(string.Join(' ', args.Skip(i + 1)), ScriptDialect.Posix));
                return found;
            }
            if (a.StartsWith("-S", StringComparison.Ordinal) && a.Length > 2)
            {
                found.Add(new NestedScript(a[2..] + " " + string.Join(' ', args.Skip(i + 1)), ScriptDialect.Posix));
                return found;
            }
            if (a == "--") { i++; continue; }
            if (a.StartsWith('-') && a.Length > 1 && !a.Contains('=')) { i++; continue; }
            if (AsAssignment(a) is { } assignment) { found.Add(assignment); i++; continue; }
            break;
        }
        if (i < args.Count) found.Add(new NestedCommand(c.Skip(i + 1)));
        else found.Add(new NestedEnvironmentDump());
        return found;
    }

    private static IEnumerable<Nested> Flock(ArgvCommand c)
    {
        var args = c.Args;
        var i = Operands(args, ["-E", "-w", "--timeout", "--conflict-exit-code"]);
        if (i >= args.Count) return [];
        i++;
        if (i < args.Count && args[i] is "-c" or "--command" && i + 1 < args.Count) return [new NestedScript(args[i + 1], ScriptDialect.Posix)];
        return i < args.Count ? [new NestedCommand(c.Skip(i + 1))] : [];
    }

    /// <summary><c>find … -exec CMD {} \;</c>: each <c>-exec</c>, <c>-execdir</c>, <c>-ok</c> runs its command.</summary>
    private static IEnumerable<Nested> FindExec(ArgvCommand c)
    {
        var found = new List<Nested>();
        for (var i = 1; i < c.Argv.Count; i++)
        {
            if (c.Argv[i] is not ("-exec" or "-execdir" or "-ok" or "-okdir")) continue;
            var end = i + 1;
            while (end < c.Argv.Count && c.Argv[end] is not (";" or "+")) end++;
            if (end > i + 1)
                found.Add(new NestedCommand(new ArgvCommand(c.Argv.Skip(i + 1).Take(end - i - 1).ToArray(), c.Canon.Skip(i + 1).Take(end - i - 1).ToArray(), [])));
            i = end;
        }
        return found;
    }

    private static int IndexOf(IReadOnlyList<string> args, string value)
    {
        for (var i = 0; i < args.Count; i++)
            if (args[i] == value) return i;
        return -1;
    }
}
