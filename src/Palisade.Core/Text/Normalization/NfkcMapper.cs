using System.Buffers;
using System.Globalization;
using System.Text;
using Palisade.Core.Text.Mapping;

namespace Palisade.Core.Text.Normalization;

/// <summary>
/// Applies NFKC to the whole text (so the result is exactly NFKC, and idempotent), then aligns it with the
/// input: equal stretches map character for character (found with a vectorized common-prefix compare), and
/// each stretch that changed is re-normalized one grapheme (base plus combining marks) at a time so that
/// every output character maps to the grapheme it came from.
/// </summary>
internal static class NfkcMapper
{
    /// <summary>Graphemes merged while looking for an alignment before the rest is mapped as one block (only reachable with pathological input).</summary>
    private const int MaxMerge = 64;

    /// <summary>The NFKC view, or <paramref name="view"/> itself when the text is already NFKC.</summary>
    public static TextView Apply(TextView view)
    {
        var s = view.Text;
        if (Ascii.IsValid(s)) return view;
        string o;
        try
        {
            if (s.IsNormalized(NormalizationForm.FormKC)) return view;
            o = s.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return view;
        }
        return TextView.Derived("normalized", o, view, Align(s, o).Build(s.Length));
    }

    private static IndexMapBuilder Align(string s, string o)
    {
        var map = new IndexMapBuilder();
        var scratch = ArrayPool<char>.Shared.Rent(256);
        int sp = 0, op = 0;
        while (sp < s.Length)
        {
            var p = s.AsSpan(sp).CommonPrefixLength(o.AsSpan(op));
            var q = sp + p;
            if (q < s.Length && char.IsLowSurrogate(s[q]) && q > sp) q--;
            while (q > sp && q < s.Length && IsContinuation(s, q)) q--;
            map.AddLinear(sp, q - sp);
            op += q - sp;
            sp = q;
            if (sp >= s.Length) break;

            var end = NextGraphemeEnd(s, sp);
            while (true)
            {
                var norm = NormalizeSpan(s.AsSpan(sp, end - sp), ref scratch);
                if (o.AsSpan(op).StartsWith(norm) && (end < s.Length || op + norm.Length == o.Length))
                {
                    map.AddBlock(sp, end - sp, norm.Length);
                    op += norm.Length;
                    sp = end;
                    break;
                }
                if (end >= s.Length || end - sp >= MaxMerge)
                {
                    map.AddBlock(sp, s.Length - sp, o.Length - op);
                    op = o.Length;
                    sp = s.Length;
                    break;
                }
                end = NextGraphemeEnd(s, end);
            }
        }
        if (op < o.Length) map.AddBlock(s.Length, 0, o.Length - op);
        ArrayPool<char>.Shared.Return(scratch);
        return map;
    }

    /// <summary>NFKC of one grapheme (or a few), written to <paramref name="scratch"/> (grown when too small).</summary>
    private static ReadOnlySpan<char> NormalizeSpan(ReadOnlySpan<char> segment, ref char[] scratch)
    {
        var size = segment.Length * 18 + 4; // NFKC expands one character to at most 18
        if (scratch.Length < size)
        {
            ArrayPool<char>.Shared.Return(scratch);
            scratch = ArrayPool<char>.Shared.Rent(size);
        }
        return segment.TryNormalize(scratch, out var written, NormalizationForm.FormKC)
            ? scratch.AsSpan(0, written)
            : segment.ToString().Normalize(NormalizationForm.FormKC);
    }

    /// <summary>End of the grapheme starting at <paramref name="i"/>: one code point and the marks that may combine with it.</summary>
    private static int NextGraphemeEnd(string s, int i)
    {
        var start = i;
        i += RuneLength(s, i);
        while (i < s.Length && i - start < 32 && IsContinuation(s, i)) i += RuneLength(s, i);
        return i;
    }

    private static int RuneLength(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;

    /// <summary>True when the character at <paramref name="i"/> can combine with what precedes it under NFKC.</summary>
    private static bool IsContinuation(string s, int i)
    {
        var c = s[i];
        if (char.IsLowSurrogate(c)) return true;
        if (c < '\u0300') return false;
        if (c is >= '\u1160' and <= '\u11FF' or '\uFF9E' or '\uFF9F') return true; // Hangul medial/final jamo, half-width sound marks
        var category = char.IsHighSurrogate(c) && i + 1 < s.Length
            ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, s[i + 1]))
            : CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }
}
