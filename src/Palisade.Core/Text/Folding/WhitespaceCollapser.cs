using System.Buffers;
using Palisade.Core.Text.Mapping;

namespace Palisade.Core.Text.Folding;

/// <summary>
/// Collapses every whitespace run to one space, in place. Only what needs work is visited: a whitespace
/// character other than the plain space, or two spaces in a row, each found with a vectorized search.
/// </summary>
internal static class WhitespaceCollapser
{
    /// <summary>ASCII whitespace other than the space.</summary>
    private static readonly SearchValues<char> AsciiBreaks = SearchValues.Create("\t\n\v\f\r");

    /// <summary>Everything <see cref="char.IsWhiteSpace(char)"/> accepts, other than the space.</summary>
    private static readonly SearchValues<char> AllBreaks = SearchValues.Create(
        "\t\n\v\f\r\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    /// <summary>True when <paramref name="text"/> needs collapsing.</summary>
    public static bool NeedsWork(ReadOnlySpan<char> text, bool asciiSpaces) =>
        text.IndexOfAny(asciiSpaces ? AsciiBreaks : AllBreaks) >= 0 || text.IndexOf("  ") >= 0;

    /// <summary>Collapses <paramref name="text"/> in place, recording the map to the uncollapsed text; returns the new length.</summary>
    public static int Collapse(Span<char> text, bool asciiSpaces, IndexMapBuilder map)
    {
        var breaks = asciiSpaces ? AsciiBreaks : AllBreaks;
        var nextBreak = text.IndexOfAny(breaks);
        var nextDouble = text.IndexOf("  ");
        int read = 0, written = 0;
        while (nextBreak >= 0 || nextDouble >= 0)
        {
            var at = nextBreak < 0 ? nextDouble : nextDouble < 0 ? nextBreak : Math.Min(nextBreak, nextDouble);
            var runStart = at > read && text[at - 1] == ' ' ? at - 1 : at;
            text[read..runStart].CopyTo(text[written..]);
            map.AddLinear(read, runStart - read);
            written += runStart - read;

            var runEnd = at + 1;
            while (runEnd < text.Length && char.IsWhiteSpace(text[runEnd])) runEnd++;
            text[written++] = ' ';
            map.AddBlock(runStart, runEnd - runStart, 1);
            read = runEnd;

            if (nextBreak >= 0 && nextBreak < read) nextBreak = Offset(read, text[read..].IndexOfAny(breaks));
            if (nextDouble >= 0 && nextDouble < read) nextDouble = Offset(read, text[read..].IndexOf("  "));
        }
        text[read..].CopyTo(text[written..]);
        map.AddLinear(read, text.Length - read);
        return written + text.Length - read;
    }

    private static int Offset(int from, int found) => found < 0 ? -1 : from + found;
}
