namespace Palisade.Core.Analyzers.Paths;

/// <summary>
/// Folds <c>.</c> and <c>..</c> the way the kernel does, follows the links whose target every Linux and macOS system
/// agrees on (<c>/proc/self/root</c>, <c>/proc/self/cwd</c>, <c>/private/etc</c>, <c>/var/run</c>), and writes the result
/// with the home directory as <c>~</c>.
/// </summary>
internal static class PathFolding
{
    /// <param name="workingDirectory">Folded and absolute, or null; a relative <paramref name="path"/> is joined to it.</param>
    public static PathParts Fold(PathParts path, PathParts? workingDirectory)
    {
        var join = path.IsRelative && workingDirectory is not null;
        var root = join ? workingDirectory!.Root : path.Root;
        var windows = path.Windows || (join && workingDirectory!.Windows);
        var stack = join ? new List<string>(workingDirectory!.Segments) : new List<string>(path.Segments.Count);
        var climbedPastRoot = false;
        foreach (var raw in path.Segments)
        {
            var seg = raw;
            if (seg == ".") continue;
            if (seg == "..")
            {
                if (stack.Count > 0 && stack[^1] != "..") stack.RemoveAt(stack.Count - 1);
                else if (root.Length > 0) climbedPastRoot = true;
                else stack.Add("..");
                continue;
            }
            if (windows && (seg = TrimWindowsSegment(seg)).Length == 0) continue;
            stack.Add(seg);
            if (root == "/") FollowKnownLinks(stack, ref root, workingDirectory);
        }
        return new PathParts(root, stack, windows) { ClimbedPastRoot = climbedPastRoot };
    }

    /// <summary>
    /// Win32 drops an alternate data stream (<c>file::$DATA</c> is <c>file</c>) and trailing dots and spaces
    /// (<c>SAM.</c> is <c>SAM</c>).
    /// </summary>
    private static string TrimWindowsSegment(string seg)
    {
        var colon = seg.IndexOf(':');
        if (colon >= 0) seg = seg[..colon];
        return seg.TrimEnd('.', ' ');
    }

    /// <summary>Called after each segment, so <c>/proc/self/root/../etc</c> folds as the kernel does (the root's parent is the root).</summary>
    private static void FollowKnownLinks(List<string> stack, ref string root, PathParts? workingDirectory)
    {
        var n = stack.Count;
        if (n is 3 or 5 && Is(stack[0], "proc") && IsProcess(stack[1]) && (n == 3 || (Is(stack[2], "task") && IsNumber(stack[3]))))
        {
            if (Is(stack[^1], "root")) stack.Clear();
            else if (Is(stack[^1], "cwd"))
            {
                stack.Clear();
                if (workingDirectory is null) root = "";
                else
                {
                    root = workingDirectory.Root;
                    stack.AddRange(workingDirectory.Segments);
                }
            }
        }
        else if (n == 2 && Is(stack[0], "private") && (Is(stack[1], "etc") || Is(stack[1], "var") || Is(stack[1], "tmp"))) stack.RemoveAt(0);
        else if (n == 2 && Is(stack[0], "var") && Is(stack[1], "run")) stack.RemoveAt(0);
    }

    /// <summary>The canonical text: <c>~</c> for a home directory, <c>/</c> separators, lower case for Windows paths.</summary>
    public static string Render(PathParts p)
    {
        var segs = p.Segments;
        var home = HomeLength(p);
        string s;
        if (home > 0) s = segs.Count > home ? "~/" + string.Join('/', segs.Skip(home)) : "~";
        else if (p.IsRelative)
        {
            if (segs.Count == 0) s = ".";
            // A first segment that would read as something else on its own keeps its ./ (a directory named ~ is not home).
            else s = (NeedsDot(segs[0]) ? "./" : "") + string.Join('/', segs);
        }
        else if (p.IsUnc) s = segs.Count == 0 ? p.Root : p.Root + "/" + string.Join('/', segs);
        else s = p.Root + string.Join('/', segs);
        return p.Windows ? s.ToLowerInvariant() : s;
    }

    /// <summary>How many leading segments are a home directory: <c>/home/x</c>, <c>/Users/x</c>, <c>/root</c>, <c>/var/root</c>, <c>c:/Users/x</c>.</summary>
    private static int HomeLength(PathParts p)
    {
        var s = p.Segments;
        if (s.Count == 0) return 0;
        if (p.Root == "/")
        {
            if ((Is(s[0], "home") || Is(s[0], "users")) && s.Count >= 2) return 2;
            if (Is(s[0], "root")) return 1;
            if (s.Count >= 2 && Is(s[0], "var") && Is(s[1], "root")) return 2;
            return 0;
        }
        return !p.IsUnc && !p.IsRelative && Is(s[0], "users") && s.Count >= 2 ? 2 : 0;
    }

    private static bool NeedsDot(string first) =>
        first.StartsWith('~') || PathSyntax.IsDrive(first) || first.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    private static bool Is(string a, string b) => a.Equals(b, StringComparison.OrdinalIgnoreCase);

    private static bool IsProcess(string s) => Is(s, "self") || Is(s, "thread-self") || IsNumber(s);

    private static bool IsNumber(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}
