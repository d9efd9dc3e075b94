namespace Palisade.Core.Analyzers.Paths;

/// <summary>
/// Resolves a path the way the system that opens it would, without touching the file system: URL escapes, variables,
/// <c>~</c>, Windows forms, <c>.</c> and <c>..</c>, the working directory and well-known links. Never throws; linear in
/// the length of the path.
/// </summary>
public static class PathResolver
{
    /// <param name="workingDirectory">Where a relative path starts, if the action says; a relative path stays relative without it.</param>
    public static ResolvedPath Resolve(string path, string? workingDirectory = null)
    {
        var wd = WorkingDirectory(workingDirectory);
        var parts = Parse(path);
        var folded = PathFolding.Fold(parts, wd);
        var canonical = Settle(PathFolding.Render(folded));
        string? climb = null, rooted = null;
        if (wd is null && folded.Climbs)
        {
            climb = canonical;
            var landing = folded.Segments.SkipWhile(s => s == "..").ToArray();
            rooted = PathFolding.Render(PathFolding.Fold(new PathParts("/", landing, folded.Windows), null));
        }
        else if (wd is not null && parts.IsRelative && folded.ClimbedPastRoot)
        {
            climb = PathFolding.Render(PathFolding.Fold(parts, null));
        }
        var posix = folded.IsUnc ? PathFolding.Render(PathFolding.Fold(new PathParts("/", [.. folded.Root[2..].Split('/'), .. folded.Segments], false), null)) : null;
        return new ResolvedPath(canonical, folded.Windows) { Climb = climb, Rooted = rooted, Posix = posix };
    }

    private static PathParts Parse(string path)
    {
        var s = PathSyntax.Prepare(path, out var windows);
        return PathParts.Parse(s, windows);
    }

    private static PathParts? WorkingDirectory(string? dir)
    {
        if (string.IsNullOrWhiteSpace(dir)) return null;
        var folded = PathFolding.Fold(Parse(dir), null);
        return folded.IsRelative ? null : folded;
    }

    /// <summary>
    /// Decoding and expansion run once, before folding; folding can bring pieces together that would decode or expand
    /// on a second look (<c>%2%SYSTEMDRIVE%</c>), or fold into a drive mount (<c>/:\mnt\C:/x</c> folds to <c>/mnt/c/x</c>,
    /// which is <c>c:/x</c>). Those rare paths are resolved again until they stop changing.
    /// </summary>
    private static string Settle(string canonical)
    {
        for (var i = 0; i < 4 && NeedsAnotherLook(canonical); i++)
        {
            var again = PathFolding.Render(PathFolding.Fold(Parse(canonical), null));
            if (again == canonical) break;
            canonical = again;
        }
        return canonical;
    }

    private static bool NeedsAnotherLook(string canonical) =>
        canonical.AsSpan().IndexOfAny('%', '$') >= 0
        || canonical.StartsWith("/mnt/", StringComparison.OrdinalIgnoreCase)
        || canonical.StartsWith("/cygdrive/", StringComparison.OrdinalIgnoreCase);
}
