using Palisade.Core.Model;

namespace Palisade.Core.Analyzers.Commands;

/// <summary>
/// Which commands read a directory as a tree: archivers, recursive copies and searches, sync tools. Their sources are
/// marked <see cref="FileEffect.Recursive"/>, so a directory holding credentials is judged as the credentials it holds.
/// </summary>
internal static class RecursiveOperands
{
    /// <summary><c>cp -r/-R/-a</c>, <c>rsync -r/-a</c>, <c>scp -r</c>, <c>ditto</c>, <c>robocopy</c>, <c>xcopy /s</c>, <c>Copy-Item -Recurse</c>.</summary>
    public static bool Copies(ArgvCommand c) => c.Program switch
    {
        "ditto" or "robocopy" => true,
        "xcopy" => c.Args.Any(a => a.Equals("/s", StringComparison.OrdinalIgnoreCase) || a.Equals("/e", StringComparison.OrdinalIgnoreCase)),
        "copy-item" => c.Args.Any(a => a.StartsWith("-rec", StringComparison.OrdinalIgnoreCase)),
        "cp" => HasFlag(c.Args, "rRa", ["--recursive", "--archive"]),
        "rsync" => HasFlag(c.Args, "ra", ["--recursive", "--archive"]),
        "scp" => HasFlag(c.Args, "r", []),
        _ => false,
    };

    /// <summary><c>grep -r/-R</c> (or <c>-d recurse</c>); <c>rg</c>, <c>ag</c>, <c>ack</c> search trees by default; <c>findstr /s</c>.</summary>
    public static bool Searches(ArgvCommand c) => c.Program switch
    {
        "rg" or "ag" or "ack" => true,
        "findstr" => c.Args.Any(a => a.Equals("/s", StringComparison.OrdinalIgnoreCase)),
        "grep" or "egrep" or "fgrep" or "zgrep" => HasFlag(c.Args, "rR", ["--recursive", "--dereference-recursive", "--directories=recurse"])
            || Pair(c.Args, "-d", "recurse"),
        _ => false,
    };

    /// <summary><c>zip -r</c> (or <c>-R</c>, or in a cluster: <c>-9r</c>).</summary>
    public static bool Zips(IReadOnlyList<string> args) => HasFlag(args, "rR", ["--recurse-paths", "--recurse-patterns"]);

    /// <summary><c>rclone copy|sync|move|copyto SRC DST</c>: a local source is read as a tree, a local destination written.</summary>
    public static IEnumerable<FileEffect> Rclone(IReadOnlyList<string> args)
    {
        var operands = FileEffects.Operands(args, ["--config", "--exclude", "--include", "--filter", "--transfers", "--checkers"], "rclone").ToList();
        if (operands.Count < 3 || operands[0] is not ("copy" or "sync" or "move" or "copyto" or "moveto" or "bisync")) yield break;
        if (!IsRcloneRemote(operands[1])) yield return new FileEffect(operands[1], FileOperation.Read) { Recursive = true };
        if (!IsRcloneRemote(operands[2])) yield return new FileEffect(operands[2], FileOperation.Write);
    }

    /// <summary><c>remote:path</c>; a drive letter (<c>C:\x</c>) is local.</summary>
    private static bool IsRcloneRemote(string operand)
    {
        var colon = operand.IndexOf(':');
        var slash = operand.IndexOfAny(['/', '\\']);
        return colon > 1 && (slash < 0 || colon < slash);
    }

    /// <summary>
    /// <c>find DIR … -exec cat {} \;</c> (or grep, cp, tar…): the command reads the content of every file under DIR. A
    /// find that picks files by name, age, size or depth reads only those: DIR is judged as named (a credential directory
    /// still is one), not as a tree. A find that only lists names reads no content and reads nothing here.
    /// </summary>
    public static IEnumerable<FileEffect> Find(IReadOnlyList<string> args)
    {
        if (!ExecsReader(args)) yield break;
        var whole = !args.Any(IsNarrowing);
        foreach (var a in args)
        {
            if (a.Length == 0 || a[0] is '-' or '(' or '!' or ')') yield break;
            if (FileEffects.IsFileLike(a)) yield return new FileEffect(a, FileOperation.Read) { Recursive = whole };
        }
    }

    private static bool IsNarrowing(string a) =>
        a is "-name" or "-iname" or "-path" or "-ipath" or "-wholename" or "-iwholename" or "-regex" or "-iregex" or "-lname" or "-ilname"
            or "-maxdepth" or "-size" or "-user" or "-group" or "-perm" or "-inum" or "-samefile" or "-links" or "-empty"
        || a.StartsWith("-newer", StringComparison.Ordinal) || a is "-mtime" or "-mmin" or "-atime" or "-amin" or "-ctime" or "-cmin" or "-used";

    private static bool ExecsReader(IReadOnlyList<string> args)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] is not ("-exec" or "-execdir" or "-ok" or "-okdir")) continue;
            var program = System.IO.Path.GetFileName(args[i + 1]);
            if (KnownCommands.ContentReaders.Contains(program) || KnownCommands.Searchers.Contains(program)
                || program is "cp" or "tar" or "zip" or "rsync" or "scp" or "curl" or "base64" or "xxd") return true;
        }
        return false;
    }

    /// <summary><c>Compress-Archive [-Path|-LiteralPath] A,B -DestinationPath Z</c>: every path goes in whole.</summary>
    public static IEnumerable<FileEffect> CompressArchive(IReadOnlyList<string> args)
    {
        var positional = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.StartsWith('-'))
            {
                if (i + 1 >= args.Count) yield break;
                if (a.StartsWith("-dest", StringComparison.OrdinalIgnoreCase)) yield return new FileEffect(args[++i], FileOperation.Write);
                else if (a.StartsWith("-path", StringComparison.OrdinalIgnoreCase) || a.StartsWith("-literal", StringComparison.OrdinalIgnoreCase))
                    foreach (var p in Paths(args[++i])) yield return p;
                else if (a.StartsWith("-compression", StringComparison.OrdinalIgnoreCase)) i++;
                continue;
            }
            // The first positional parameter is -Path, the second -DestinationPath.
            if (positional++ == 0)
                foreach (var p in Paths(a)) yield return p;
            else if (FileEffects.IsFileLike(a)) yield return new FileEffect(a, FileOperation.Write);
        }
    }

    private static IEnumerable<FileEffect> Paths(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Trim('"', '\''))
            .Where(FileEffects.IsFileLike)
            .Select(p => new FileEffect(p, FileOperation.Read) { Recursive = true });

    /// <summary>A short flag alone or in a cluster (<c>-avz</c>), or one of the long forms.</summary>
    private static bool HasFlag(IReadOnlyList<string> args, string letters, string[] longForms)
    {
        foreach (var a in args)
        {
            if (a == "--") return false;
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                if (Array.IndexOf(longForms, a) >= 0) return true;
                continue;
            }
            if (a.Length > 1 && a[0] == '-' && a.AsSpan(1).IndexOfAny(letters) >= 0 && a.AsSpan(1).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") < 0) return true;
        }
        return false;
    }

    private static bool Pair(IReadOnlyList<string> args, string option, string value)
    {
        for (var i = 0; i + 1 < args.Count; i++)
            if (args[i] == option && args[i + 1] == value) return true;
        return false;
    }
}
