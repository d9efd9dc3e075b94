namespace Palisade.Core.Analyzers.Paths;

/// <summary>
/// A path as the path rules see it. <see cref="Canonical"/> has <c>~</c> for any home directory, <c>/</c> separators,
/// a drive written <c>c:/</c>, no <c>.</c>, <c>..</c> or variables left to resolve, and is lower case for Windows paths.
/// Resolving a canonical path again returns it unchanged.
/// </summary>
public sealed record ResolvedPath(string Canonical, bool IsWindows)
{
    /// <summary>
    /// For a relative path that climbs out of its directory (<c>../../etc/passwd</c>): the climb as written, when no
    /// working directory settles where it lands, or when it climbs past the root.
    /// </summary>
    public string? Climb { get; init; }

    /// <summary>Where a climb lands if it reaches the root (<c>/etc/passwd</c>): attackers climb far enough, so judge that too.</summary>
    public string? Rooted { get; init; }

    /// <summary>For <c>//host/share/…</c>, the POSIX reading of the same text (a doubled slash is the root): <c>/host/share/…</c>.</summary>
    public string? Posix { get; init; }

    public bool IsRelative => Canonical.Length > 0 && Canonical[0] != '/' && Canonical[0] != '~' && !(Canonical.Length > 2 && Canonical[1] == ':' && Canonical[2] == '/');

    /// <summary>The texts rules run on, named for findings: the canonical path, then any other reading of it.</summary>
    public IEnumerable<(string View, string Text)> Views()
    {
        yield return ("canonical", Canonical);
        if (Climb is not null && Climb != Canonical) yield return ("climb", Climb);
        if (Rooted is not null) yield return ("rooted", Rooted);
        if (Posix is not null) yield return ("posix", Posix);
    }
}
