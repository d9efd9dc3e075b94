namespace Palisade.Core.Analyzers.Paths;

/// <summary>
/// A path split into a root and its segments, before or after folding. The root is <c>""</c> (relative), <c>/</c> (POSIX),
/// <c>c:/</c> (a drive) or <c>//server/share</c> (UNC).
/// </summary>
internal sealed record PathParts(string Root, IReadOnlyList<string> Segments, bool Windows)
{
    /// <summary>Folding met more <c>..</c> than there were directories above (<c>/../../etc</c>): only attackers write that.</summary>
    public bool ClimbedPastRoot { get; init; }

    public bool IsRelative => Root.Length == 0;
    public bool IsUnc => Root.StartsWith("//", StringComparison.Ordinal);

    /// <summary>A relative path that starts by leaving its directory: <c>../../etc/passwd</c>.</summary>
    public bool Climbs => IsRelative && Segments.Count > 0 && Segments[0] == "..";

    /// <summary>Splits a prepared path (forward slashes, variables expanded).</summary>
    public static PathParts Parse(string s, bool windows)
    {
        if (PathSyntax.IsDrive(s))
            return new($"{char.ToLowerInvariant(s[0])}:/", Split(s, 2), true);
        if (s.Length > 2 && s[0] == '/' && s[1] == '/' && s[2] != '/')
        {
            var parts = s[2..].Split('/', StringSplitOptions.RemoveEmptyEntries);
            var share = parts.Length > 1 ? parts[1] : "";
            var rest = parts.Length > 2 ? parts[2..] : [];
            // An administrative share is the drive itself: \\host\c$\Users\… is C:\Users\… on that host.
            if (share.Length == 2 && char.IsAsciiLetter(share[0]) && share[1] == '$')
                return new($"{char.ToLowerInvariant(share[0])}:/", rest, true);
            return new($"//{parts[0]}{(share.Length > 0 ? "/" + share : "")}", rest, true);
        }
        return s.StartsWith('/') ? new("/", Split(s, 1), windows) : new("", Split(s, 0), windows);
    }

    private static string[] Split(string s, int from) => s[from..].Split('/', StringSplitOptions.RemoveEmptyEntries);
}
