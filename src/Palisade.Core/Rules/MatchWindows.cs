using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Palisade.Core.Rules;

/// <summary>
/// The stretch of text around a keyword that a keyword-gated rule's regex runs over. It reaches at least
/// <c>reach</c> characters and at least <c>reach / 8</c> words (whitespace runs) from the keyword on either side, then
/// on to the next whitespace, so a window never cuts a word: padding a phrase with one very long token does not push
/// the rest of it out of the window. Windows of one rule that meet are merged by <see cref="RuleMatcher"/>.
/// </summary>
/// <remarks>
/// Guarantee: a match that holds one of the rule's keywords and reaches no further than <c>reach</c> characters, or
/// no further than <c>reach / 8</c> words, from it on each side lies inside a window, with the characters on both
/// sides of it. A match that touches a window's edge may be an artefact of the cut (a <c>^</c> or <c>$</c> anchor, a
/// greedy run stopped early) or a longer match than the window allows; either way the rule is run again over the
/// whole text, so edges never create or truncate a finding.
/// </remarks>
public static class MatchWindows
{
    /// <summary>Smallest reach a rule may ask for.</summary>
    public const int MinReach = 32;

    /// <summary>One word of reach per this many characters.</summary>
    public const int CharsPerWord = 8;

    /// <summary>Start of the window around a keyword that starts at <paramref name="from"/>.</summary>
    /// <remarks>
    /// Read backwards 64 characters at a time as a whitespace bit mask: whitespace runs are counted with a popcount
    /// while the window is still short of <paramref name="reach"/> characters, and only the whitespace past that point is
    /// visited one by one (the answer is the first one there once enough words are crossed). The same answer as
    /// visiting every character, which cost a few microseconds per 10 KB of prose with a dozen keyword hits.
    /// </remarks>
    public static int Start(ReadOnlySpan<char> text, int from, int reach)
    {
        var floor = from - reach;
        var words = reach / CharsPerWord;
        var crossed = 0;
        var i = from;
        // A whitespace character ends a run (scanning backwards: the run's last character) unless whitespace follows it.
        var aboveIsSpace = i < text.Length && char.IsWhiteSpace(text[i]);
        while (i > 0)
        {
            var b = Math.Max(0, i - 64);
            var n = i - b;
            var space = WhitespaceMask(text.Slice(b, n));
            var spaceAfter = (space >> 1) | (aboveIsSpace ? 1UL << (n - 1) : 0);
            var runEnds = space & ~spaceAfter;
            // Bit j stands for the window starting at b + j + 1, allowed to stop there only at or below the floor.
            var top = Math.Min(63, floor - b - 1);
            if (top < 0) crossed += BitOperations.PopCount(runEnds);
            else
            {
                var above = ~((2UL << top) - 1);
                crossed += BitOperations.PopCount(runEnds & above);
                for (var candidates = space & ~above; candidates != 0;)
                {
                    var j = 63 - BitOperations.LeadingZeroCount(candidates);
                    if (crossed >= words) return b + j + 1;
                    if ((runEnds >> j & 1) != 0) crossed++;
                    candidates &= ~(1UL << j);
                }
            }
            aboveIsSpace = (space & 1) != 0;
            i = b;
        }
        return 0;
    }

    /// <summary>End (exclusive) of the window around a keyword that ends at <paramref name="from"/>.</summary>
    /// <remarks>As <see cref="Start"/>, forwards.</remarks>
    public static int End(ReadOnlySpan<char> text, int from, int reach)
    {
        var ceiling = from + reach;
        var words = reach / CharsPerWord;
        var crossed = 0;
        var i = from;
        var belowIsSpace = i > 0 && char.IsWhiteSpace(text[i - 1]);
        while (i < text.Length)
        {
            var n = Math.Min(64, text.Length - i);
            var space = WhitespaceMask(text.Slice(i, n));
            var spaceBefore = (space << 1) | (belowIsSpace ? 1UL : 0);
            var runStarts = space & ~spaceBefore;
            // Bit j stands for the window ending at i + j, allowed to stop there only at or past the ceiling.
            var bottom = ceiling - i;
            if (bottom > n - 1) crossed += BitOperations.PopCount(runStarts);
            else
            {
                var below = bottom <= 0 ? 0 : (1UL << bottom) - 1;
                crossed += BitOperations.PopCount(runStarts & below);
                for (var candidates = space & ~below; candidates != 0; candidates &= candidates - 1)
                {
                    var j = BitOperations.TrailingZeroCount(candidates);
                    if (crossed >= words) return i + j;
                    if ((runStarts >> j & 1) != 0) crossed++;
                }
            }
            belowIsSpace = (space >> (n - 1) & 1) != 0;
            i += n;
        }
        return text.Length;
    }

    /// <summary>Bit j set when <paramref name="chars"/>[j] is whitespace (<see cref="char.IsWhiteSpace(char)"/>); at most 64 characters.</summary>
    private static ulong WhitespaceMask(ReadOnlySpan<char> chars)
    {
        ulong mask = 0;
        var j = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var ushorts = MemoryMarshal.Cast<char, ushort>(chars);
            for (; j + 8 <= chars.Length; j += 8)
            {
                var v = Vector128.Create(ushorts.Slice(j, 8));
                if (Vector128.GreaterThanAny(v, Vector128.Create((ushort)0x7F)))
                {
                    // Rare: non-ASCII whitespace (no-break space, ideographic space…) needs the full test.
                    for (var k = j; k < j + 8; k++)
                        if (char.IsWhiteSpace(chars[k])) mask |= 1UL << k;
                    continue;
                }
                // ASCII whitespace: the space, and tab through carriage return.
                var space = Vector128.Equals(v, Vector128.Create((ushort)' ')) | Vector128.LessThan(v - Vector128.Create((ushort)'\t'), Vector128.Create((ushort)5));
                mask |= (ulong)space.ExtractMostSignificantBits() << j;
            }
        }
        for (; j < chars.Length; j++)
            if (char.IsWhiteSpace(chars[j])) mask |= 1UL << j;
        return mask;
    }
}
