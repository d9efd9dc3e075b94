using Palisade.Core.Analyzers.Paths;

namespace Palisade.Core.Policy.Paranoid;

/// <summary>
/// One <c>paranoid.allow_paths</c> entry, resolved like a path (so <c>~</c>, <c>$HOME</c> and <c>..</c> mean what
/// they mean for the path analyzer) and split into segments once. Matching walks segments, no regex:
/// <c>*</c> and <c>?</c> stay inside one segment, a <c>**</c> segment spans any number of segments (none included).
/// </summary>
public sealed class PathGlob
{
    private readonly string[] _segments;

    public PathGlob(string glob)
    {
        Text = glob;
        Canonical = PathResolver.Resolve(glob).Canonical;
        _segments = Canonical.Split('/');
        IsLiteral = Canonical.AsSpan().IndexOfAny('*', '?') < 0;
    }

    /// <summary>As written in the configuration.</summary>
    public string Text { get; }

    /// <summary>As resolved, the form matched against resolved paths.</summary>
    public string Canonical { get; }

    /// <summary>No wildcard: matching is one string comparison (the gate keeps these in a set).</summary>
    public bool IsLiteral { get; }

    public bool Matches(string canonicalPath)
    {
        if (IsLiteral) return canonicalPath == Canonical;
        // Segment bounds on the stack for ordinary paths; a path of hundreds of segments gets a heap array.
        var count = canonicalPath.AsSpan().Count('/') + 1;
        Span<Range> bounds = count <= 64 ? stackalloc Range[count] : new Range[count];
        canonicalPath.AsSpan().Split(bounds, '/');
        return MatchSegments(_segments, canonicalPath, bounds);
    }

    /// <summary>
    /// The single-backtrack-point wildcard walk over segments (<c>**</c> plays <c>*</c>): O(glob × path) whatever the path,
    /// so a path of ten thousand segments cannot make a glob with several <c>**</c> explode.
    /// </summary>
    private static bool MatchSegments(string[] glob, string text, ReadOnlySpan<Range> path)
    {
        int g = 0, p = 0, star = -1, mark = 0;
        while (p < path.Length)
        {
            if (g < glob.Length && glob[g] != "**" && MatchSegment(glob[g], text.AsSpan()[path[p]]))
            {
                g++;
                p++;
            }
            else if (g < glob.Length && glob[g] == "**")
            {
                star = g++;
                mark = p;
            }
            else if (star >= 0)
            {
                g = star + 1;
                p = ++mark;
            }
            else return false;
        }
        while (g < glob.Length && glob[g] == "**") g++;
        return g == glob.Length;
    }

    /// <summary><c>*</c> (any run of characters) and <c>?</c> (one character) inside one segment, iteratively with one backtrack point.</summary>
    internal static bool MatchSegment(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int pi = 0, ti = 0, star = -1, mark = 0;
        while (ti < text.Length)
        {
            if (pi < pattern.Length && (pattern[pi] == '?' || pattern[pi] == text[ti]))
            {
                pi++;
                ti++;
            }
            else if (pi < pattern.Length && pattern[pi] == '*')
            {
                star = pi++;
                mark = ti;
            }
            else if (star >= 0)
            {
                pi = star + 1;
                ti = ++mark;
            }
            else return false;
        }
        while (pi < pattern.Length && pattern[pi] == '*') pi++;
        return pi == pattern.Length;
    }
}
