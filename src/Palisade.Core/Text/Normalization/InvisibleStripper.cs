using System.Buffers;
using Palisade.Core.Text.Mapping;

namespace Palisade.Core.Text.Normalization;

/// <summary>
/// Removes <see cref="InvisibleChars"/> (and whole ANSI CSI escapes), and replaces lone surrogates with U+FFFD
/// so that later steps always see well-formed UTF-16.
/// </summary>
internal static class InvisibleStripper
{
    /// <summary>The stripped view, or <paramref name="view"/> itself when there is nothing to strip.</summary>
    public static TextView Strip(TextView view)
    {
        var text = view.Text.AsSpan();
        var first = NextChange(text, 0);
        if (first < 0) return view;

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var map = new IndexMapBuilder();
            text[..first].CopyTo(buffer);
            map.AddLinear(0, first);
            var written = first;
            var i = first;
            while (i < text.Length)
            {
                var k = text[i..].IndexOfAny(InvisibleChars.Candidates);
                var stop = k < 0 ? text.Length : i + k;
                text[i..stop].CopyTo(buffer.AsSpan(written));
                map.AddLinear(i, stop - i);
                written += stop - i;
                if (stop == text.Length) break;
                i = stop + Step(text, stop, buffer, ref written, map);
            }
            return TextView.Derived("normalized", new string(buffer, 0, written), view, map.Build(text.Length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Handles the candidate at <paramref name="at"/>: copies a visible surrogate pair, replaces a lone half, or drops it. Returns chars consumed.</summary>
    private static int Step(ReadOnlySpan<char> text, int at, char[] buffer, ref int written, IndexMapBuilder map)
    {
        var c = text[at];
        if (char.IsHighSurrogate(c) && at + 1 < text.Length && char.IsLowSurrogate(text[at + 1]))
        {
            if (InvisibleChars.IsInvisible(char.ConvertToUtf32(c, text[at + 1]))) return 2;
            buffer[written++] = c;
            buffer[written++] = text[at + 1];
            map.AddLinear(at, 2);
            return 2;
        }
        if (char.IsSurrogate(c))
        {
            buffer[written++] = '\uFFFD';
            map.AddLinear(at, 1);
            return 1;
        }
        if (c == '\u001B') return InvisibleChars.EscapeLength(text[at..]);
        if (InvisibleChars.IsInvisible(c)) return 1;
        buffer[written++] = c;
        map.AddLinear(at, 1);
        return 1;
    }

    /// <summary>Index of the first character at or after <paramref name="from"/> that stripping would change, or -1.</summary>
    private static int NextChange(ReadOnlySpan<char> text, int from)
    {
        var i = from;
        while (i < text.Length)
        {
            var k = text[i..].IndexOfAny(InvisibleChars.Candidates);
            if (k < 0) return -1;
            var at = i + k;
            var c = text[at];
            if (char.IsHighSurrogate(c) && at + 1 < text.Length && char.IsLowSurrogate(text[at + 1]))
            {
                if (InvisibleChars.IsInvisible(char.ConvertToUtf32(c, text[at + 1]))) return at;
                i = at + 2;
                continue;
            }
            return at;
        }
        return -1;
    }
}
