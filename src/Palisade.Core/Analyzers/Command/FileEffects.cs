using Palisade.Core.Model;

namespace Palisade.Core.Analyzers.Commands;

/// <summary>A file a command touches, and how.</summary>
public readonly record struct FileEffect(string Path, FileOperation Operation)
{
    /// <summary>
    /// The command reads the path as a tree (<c>tar c</c>, <c>cp -r</c>, <c>grep -r</c>…): everything under it is read,
    /// so a directory that holds credentials is read with them.
    /// </summary>
    public bool Recursive { get; init; }

    /// <summary>
    /// A relative path after the line moved somewhere it does not name (<c>cd "$d"</c>): the action's working directory
    /// is no longer where it starts, so it is judged as written.
    /// </summary>
    public bool Unanchored { get; init; }
}

/// <summary>
/// The files a command reads, writes, deletes or executes, from its arguments and redirections. These become
/// <see cref="ActionKind.FileAccess"/> actions for the path analyzer: which paths are sensitive is its judgement.
/// For network commands only the files whose content is sent are listed (<c>curl -d @f</c>, <c>scp f host:</c>),
/// never key files used to authenticate (<c>ssh -i key</c>).
/// </summary>
public static class FileEffects
{
    public static IEnumerable<FileEffect> Of(ArgvCommand c)
    {
        var args = c.Args;
        var p = c.Program;
        if (KnownCommands.ContentReaders.Contains(p)) return Reads(Operands(args, ReaderValueOptions.GetValueOrDefault(p, []), p));
        if (KnownCommands.Searchers.Contains(p) || p is "jq" or "yq") return Search(args, RecursiveOperands.Searches(c));
        if (KnownCommands.Deleters.Contains(p)) return Operands(args, [], p).Select(a => new FileEffect(a, FileOperation.Delete));
        if (KnownCommands.Modifiers.Contains(p))
        {
            var operands = Operands(args, ["--reference", "-r", "-d", "-t", "-s", "-m"], p).ToList();
            var skip = p is "chmod" or "chown" or "chgrp" or "setfacl" or "chattr" or "chflags" && operands.Count > 1 ? 1 : 0;
            return operands.Skip(skip).Select(a => new FileEffect(a, FileOperation.Write));
        }
        return p switch
        {
            "cp" or "install" or "ln" or "mv" or "copy" or "xcopy" or "robocopy" or "copy-item" or "ditto" =>
                CopyLike(Operands(args, ["-S", "-m", "-o", "-g"], p).ToList(), recursive: RecursiveOperands.Copies(c)),
            "scp" or "rsync" => CopyLike(Operands(args, ["-P", "-i", "-o", "-F", "-c", "-l", "-S", "-J", "-e", "--rsh", "--exclude", "--include", "-f"], p).ToList(), remoteAware: true, recursive: RecursiveOperands.Copies(c)),
            "rclone" => RecursiveOperands.Rclone(args),
            "find" => RecursiveOperands.Find(args),
            "compress-archive" => RecursiveOperands.CompressArchive(args),
            "tee" => Operands(args, [], p).Select(a => new FileEffect(a, FileOperation.Write)),
            "dd" => Dd(args),
            "tar" or "bsdtar" or "gtar" => Tar(args),
            "zip" or "7z" or "7za" or "rar" => Archive(args, p == "zip" ? RecursiveOperands.Zips(args) : args.Count > 0 && args[0] == "a"),
            "openssl" => OptionValues(args, ["-in"], FileOperation.Read).Concat(OptionValues(args, ["-out"], FileOperation.Write)),
            "curl" => Curl(args),
            "wget" or "wget2" => OptionValues(args, ["--post-file", "--body-file", "-i", "--input-file"], FileOperation.Read)
                .Concat(OptionValues(args, ["-O", "--output-document"], FileOperation.Write).Where(e => e.Path != "-")),
            "sed" => Sed(args),
            "gzip" or "bzip2" or "xz" or "base64" => Reads(Operands(args, [], p)),
            "logger" => OptionValues(args, ["-f", "--file"], FileOperation.Read),
            "sqlite3" => Reads(Operands(args, ["-cmd", "-separator", "-newline", "-nullvalue"], p).Take(1).Select(f => f.StartsWith("file:", StringComparison.Ordinal) ? f[5..].Split('?')[0] : f)),
            _ => [],
        };
    }

    public static IEnumerable<FileEffect> OfRedirects(IEnumerable<RedirectSpec> redirects)
    {
        foreach (var r in redirects)
        {
            if (r.IsDuplication || r.Content is not null || r.Op is "<<" or "<<-" or "<<<") continue;
            if (r.Target.Length == 0 || r.Target is "/dev/null" or "/dev/stdout" or "/dev/stderr" or "/dev/stdin" or "/dev/tty" or "-"
                || r.Target.StartsWith("/dev/fd/", StringComparison.Ordinal) || r.Target.StartsWith("/dev/tcp/", StringComparison.Ordinal)
                || r.Target.StartsWith("/dev/udp/", StringComparison.Ordinal) || r.Target.StartsWith("$(", StringComparison.Ordinal)) continue;
            yield return new FileEffect(r.Target, r.IsInput && r.Op != "<>" ? FileOperation.Read : FileOperation.Write);
        }
    }

    /// <summary>Options of content readers that take a value (<c>head -n 20 f</c>): the value is not a file.</summary>
    private static readonly Dictionary<string, string[]> ReaderValueOptions = new()
    {
        ["head"] = ["-n", "-c"], ["tail"] = ["-n", "-c", "-s", "--pid"], ["cut"] = ["-d", "-f", "-c", "-b"],
        ["sort"] = ["-t", "-k", "-o", "-S", "-T"], ["uniq"] = ["-f", "-s", "-w"], ["fold"] = ["-w"], ["base64"] = ["-w"],
        ["xxd"] = ["-l", "-s", "-c", "-g"], ["od"] = ["-A", "-t", "-N", "-j"], ["hexdump"] = ["-n", "-s", "-e"],
        ["gpg"] = ["-o", "-r", "-u", "--recipient", "--output"],
        ["strings"] = ["-n", "-t"], ["nl"] = ["-s", "-w", "-b"], ["diff"] = ["-U", "-C"], ["iconv"] = ["-f", "-t"],
        ["column"] = ["-s", "-t"], ["less"] = ["-p"], ["paste"] = ["-d"],
    };

    private static IEnumerable<FileEffect> Reads(IEnumerable<string> paths, bool recursive = false) =>
        paths.Select(a => new FileEffect(a, FileOperation.Read) { Recursive = recursive });

    /// <summary>Operands: arguments that are not options or option values, and look like file names.</summary>
    internal static IEnumerable<string> Operands(IReadOnlyList<string> args, IReadOnlyCollection<string> withValue, string program)
    {
        var windows = program is "del" or "erase" or "rd" or "type" or "copy" or "xcopy" or "robocopy" or "icacls" or "attrib" or "takeown" or "findstr";
        var end = false;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!end && a == "--") { end = true; continue; }
            if (!end && a.Length > 1 && a[0] == '-')
            {
                // "-rave x": a value option at the end of a cluster takes the next word.
                if (withValue.Contains(a) || (a.Length > 2 && a[1] != '-' && withValue.Contains("-" + a[^1]))) i++;
                continue;
            }
            if (windows && a.Length > 1 && a[0] == '/' && a.Length <= 3) continue;
            if (IsFileLike(a)) yield return a;
        }
    }

    internal static bool IsFileLike(string a) =>
        a.Length > 0 && a.Length < 4096 && !a.Contains("://") && !a.StartsWith("$(", StringComparison.Ordinal) && a is not ("-" or "{}" or "\\" or ";" or "+") && !a.Contains('\n');

    private static IEnumerable<FileEffect> Search(IReadOnlyList<string> args, bool recursive)
    {
        var patternGiven = args.Any(a => a is "-e" or "-f" or "--regexp" || a.StartsWith("--regexp=", StringComparison.Ordinal));
        var operands = Operands(args, ["-e", "-f", "-m", "-A", "-B", "-C", "--regexp", "--file", "-g", "-t", "-d", "--include", "--exclude", "--exclude-dir"], "grep").ToList();
        return Reads(patternGiven ? operands : operands.Skip(1), recursive);
    }

    private static IEnumerable<FileEffect> CopyLike(List<string> operands, bool remoteAware = false, bool recursive = false)
    {
        if (operands.Count < 2) yield break;
        for (var i = 0; i < operands.Count - 1; i++)
            if (!remoteAware || !IsRemote(operands[i])) yield return new FileEffect(operands[i], FileOperation.Read) { Recursive = recursive };
        if (!remoteAware || !IsRemote(operands[^1])) yield return new FileEffect(operands[^1], FileOperation.Write);
    }

    /// <summary><c>host:path</c> or <c>user@host:path</c> (scp, rsync) rather than a local file.</summary>
    public static bool IsRemote(string operand)
    {
        var colon = operand.IndexOf(':');
        var slash = operand.IndexOf('/');
        return colon > 0 && (slash < 0 || colon < slash) && !(colon == 1 && char.IsAsciiLetter(operand[0]));
    }

    private static IEnumerable<FileEffect> Dd(IReadOnlyList<string> args)
    {
        foreach (var a in args)
        {
            if (a.StartsWith("if=", StringComparison.Ordinal)) yield return new FileEffect(a[3..], FileOperation.Read);
            else if (a.StartsWith("of=", StringComparison.Ordinal)) yield return new FileEffect(a[3..], FileOperation.Write);
        }
    }

    private static IEnumerable<FileEffect> Tar(IReadOnlyList<string> args)
    {
        if (args.Count == 0) yield break;
        var first = args[0].TrimStart('-');
        var create = args.Any(a => a is "--create" or "-c") || (!args[0].StartsWith("--") && first.Contains('c'));
        string? archive = null;
        var operands = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (i == 0 && !a.StartsWith("--") && (a.StartsWith('-') || a.All(char.IsAsciiLetter)))
            {
                if (a.Contains('f') && i + 1 < args.Count) archive = args[++i];
                continue;
            }
            if (a is "-f" or "--file" && i + 1 < args.Count) { archive = args[++i]; continue; }
            if (a.StartsWith("--file=", StringComparison.Ordinal)) { archive = a[7..]; continue; }
            if (a is "-C" or "--directory" or "--exclude" or "-T" or "-X") { i++; continue; }
            if (a.StartsWith('-')) continue;
            if (IsFileLike(a)) operands.Add(a);
        }
        if (archive is not null && archive != "-") yield return new FileEffect(archive, create ? FileOperation.Write : FileOperation.Read);
        // tar descends into every directory it is given unless told not to.
        var recursive = !args.Contains("--no-recursion");
        if (create)
            foreach (var o in operands) yield return new FileEffect(o, FileOperation.Read) { Recursive = recursive };
    }

    /// <summary><c>zip [-r] ARCHIVE FILES…</c>, <c>7z a ARCHIVE FILES…</c>: the archive (or <c>-</c>, stdout) first, then what goes in.</summary>
    private static IEnumerable<FileEffect> Archive(IReadOnlyList<string> args, bool recursive)
    {
        var positional = args.Where(a => a == "-" || !(a.Length > 1 && a[0] == '-')).Where(a => a is not ("a" or "x" or "e" or "u")).ToList();
        if (positional.Count == 0) yield break;
        if (positional[0] != "-" && IsFileLike(positional[0])) yield return new FileEffect(positional[0], FileOperation.Write);
        foreach (var o in positional.Skip(1).Where(IsFileLike)) yield return new FileEffect(o, FileOperation.Read) { Recursive = recursive };
    }

    private static IEnumerable<FileEffect> Sed(IReadOnlyList<string> args)
    {
        var inPlace = args.Any(a => a.StartsWith("-i", StringComparison.Ordinal) || a.StartsWith("--in-place", StringComparison.Ordinal));
        var scriptGiven = args.Any(a => a is "-e" or "-f" or "--expression" or "--file");
        var operands = Operands(args, ["-e", "-f", "-l"], "sed").ToList();
        return (scriptGiven ? operands : operands.Skip(1)).Select(o => new FileEffect(o, inPlace ? FileOperation.Write : FileOperation.Read));
    }

    /// <summary>curl sends files with <c>-d @f</c>, <c>--data-binary @f</c>, <c>-F name=@f</c> / <c>=&lt;f</c>, <c>-T f</c>; writes with <c>-o f</c>.</summary>
    private static IEnumerable<FileEffect> Curl(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var (name, value) = SplitOption(args, ref i);
            if (value is null) continue;
            switch (name)
            {
                case "-d" or "--data" or "--data-binary" or "--data-ascii" or "--json" when value.StartsWith('@') && value != "@-":
                    yield return new FileEffect(value[1..], FileOperation.Read);
                    break;
                case "--data-urlencode" when value.IndexOf('@') is var at and >= 0 && at < value.Length - 1 && value[(at + 1)..] != "-":
                    yield return new FileEffect(value[(at + 1)..], FileOperation.Read);
                    break;
                case "-F" or "--form" when value.IndexOf('=') is var eq and > 0 && eq + 2 < value.Length && value[eq + 1] is '@' or '<':
                    var file = value[(eq + 2)..];
                    var semi = file.IndexOf(';');
                    var path = semi >= 0 ? file[..semi] : file;
                    if (path != "-") yield return new FileEffect(path, FileOperation.Read);
                    break;
                case "-T" or "--upload-file" when value != "-" && value != ".":
                    yield return new FileEffect(value, FileOperation.Read);
                    break;
                case "-o" or "--output" when value != "-":
                    yield return new FileEffect(value, FileOperation.Write);
                    break;
            }
        }
    }

    private static readonly HashSet<string> CurlLongValueOptions =
        ["--data", "--data-binary", "--data-ascii", "--data-raw", "--data-urlencode", "--json", "--form", "--upload-file", "--output"];

    /// <summary>The option at <paramref name="i"/> and its value: <c>-d x</c>, <c>-dx</c>, <c>--data=x</c>, <c>--data x</c>.</summary>
    private static (string Name, string? Value) SplitOption(IReadOnlyList<string> args, ref int i)
    {
        var a = args[i];
        if (a.StartsWith("--", StringComparison.Ordinal))
        {
            var eq = a.IndexOf('=');
            if (eq > 0) return (a[..eq], a[(eq + 1)..]);
            if (!CurlLongValueOptions.Contains(a)) return (a, null);
            return (a, i + 1 < args.Count ? args[++i] : null);
        }
        if (a.Length >= 2 && a[0] == '-' && char.IsAsciiLetter(a[1]))
        {
            var name = a[..2];
            if (name is not ("-d" or "-F" or "-T" or "-o")) return (a, null);
            if (a.Length > 2) return (name, a[2..]);
            return (name, i + 1 < args.Count ? args[++i] : null);
        }
        return (a, null);
    }

    private static IEnumerable<FileEffect> OptionValues(IReadOnlyList<string> args, string[] names, FileOperation op)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            foreach (var n in names)
            {
                if (a == n && i + 1 < args.Count) yield return new FileEffect(args[i + 1], op);
                else if (n.StartsWith("--") && a.StartsWith(n + "=", StringComparison.Ordinal)) yield return new FileEffect(a[(n.Length + 1)..], op);
                else if (!n.StartsWith("--") && a.Length > n.Length && a.StartsWith(n, StringComparison.Ordinal) && n.Length == 2) yield return new FileEffect(a[2..], op);
            }
        }
    }
}
