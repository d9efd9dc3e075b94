using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Palisade.Core.Text.Normalization;

/// <summary>
/// A vectorized test for text that normalization cannot change: every character lies in a range that is visible,
/// already NFKC, and never combines with its neighbours (printable ASCII and line breaks, Latin-1 letters, basic
/// Greek, Cyrillic, typographic quotes and dashes, kana, CJK ideographs, Hangul syllables). Such text, English with
/// curly quotes or a page of Russian or Chinese, skips the character-by-character strip and the ICU call.
/// A test checks every character of every range against ICU.
/// </summary>
internal static class StableText
{
    /// <summary>The ranges, inclusive; kept small so the vector test stays a few instructions per range.</summary>
    public static readonly (char First, char Last)[] Ranges =
    [
        ('\u0020', '\u007E'), ('\t', '\r'), ('\u00C0', '\u00FF'), ('\u0391', '\u03A1'), ('\u03A3', '\u03C9'),
        ('\u0400', '\u0482'), ('\u048A', '\u04FF'), ('\u2013', '\u2014'), ('\u2018', '\u201D'), ('\u2022', '\u2022'),
        ('\u3001', '\u3002'), ('\u300C', '\u300F'), ('\u3041', '\u3096'), ('\u30A1', '\u30FA'), ('\u4E00', '\u9FFF'),
        ('\uAC00', '\uD7A3'),
    ];

    public static bool IsStable(ReadOnlySpan<char> text)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(text);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<ushort>.Count <= chars.Length; i += Vector256<ushort>.Count)
                if (!AllStable(Vector256.Create(chars.Slice(i, Vector256<ushort>.Count)))) return false;
        }
        for (; i < chars.Length; i++)
            if (!IsStable((char)chars[i])) return false;
        return true;
    }

    public static bool IsStable(char c)
    {
        foreach (var (first, last) in Ranges)
            if ((uint)(c - first) <= (uint)(last - first)) return true;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AllStable(Vector256<ushort> v)
    {
        var ascii = In(v, '\u0020', '\u007E') | In(v, '\t', '\r');
        if (ascii == Vector256<ushort>.AllBitsSet) return true;
        var ok = ascii | In(v, '\u00C0', '\u00FF') | In(v, '\u0391', '\u03A1') | In(v, '\u03A3', '\u03C9')
            | In(v, '\u0400', '\u0482') | In(v, '\u048A', '\u04FF') | In(v, '\u2013', '\u2014') | In(v, '\u2018', '\u201D')
            | Vector256.Equals(v, Vector256.Create((ushort)'\u2022')) | In(v, '\u3001', '\u3002') | In(v, '\u300C', '\u300F')
            | In(v, '\u3041', '\u3096') | In(v, '\u30A1', '\u30FA') | In(v, '\u4E00', '\u9FFF') | In(v, '\uAC00', '\uD7A3');
        return ok == Vector256<ushort>.AllBitsSet;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> In(Vector256<ushort> v, char first, char last) =>
        Vector256.LessThanOrEqual(v - Vector256.Create((ushort)first), Vector256.Create((ushort)(last - first)));
}
