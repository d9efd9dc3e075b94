using System.Buffers;
using System.Text;

namespace Palisade.Core.Text.Decoding;

/// <summary>
/// Percent (URL) encoding. A segment is the run of non-blank characters around a <c>%XX</c>; it is decoded
/// repeatedly while <c>%XX</c> remains (double encoding: <c>%2573</c> → <c>%73</c> → <c>s</c>, at most
/// <see cref="MaxRounds"/> rounds). In a query-like segment (one with <c>? = &amp;</c>) a literal <c>+</c> is a space,
/// in the first round only: a <c>+</c> that decoding produced is a real plus.
/// </summary>
internal static class PercentCodec
{
    public const string Name = "url";
    private const int MaxRounds = 4;

    private static readonly SearchValues<char> SegmentBreaks = SearchValues.Create(" \t\n\v\f\r\"<>`\u0085\u00A0\u2028\u2029\u3000");

    public static void Find(ReadOnlySpan<char> text, List<DecodedSegment> into)
    {
        var pos = 0;
        while (pos < text.Length)
        {
            var k = text[pos..].IndexOf('%');
            if (k < 0) break;
            var at = pos + k;
            if (!IsEscape(text, at))
            {
                pos = at + 1;
                continue;
            }
            var start = at;
            while (start > pos && !SegmentBreaks.Contains(text[start - 1])) start--;
            var after = text[at..].IndexOfAny(SegmentBreaks);
            var end = after < 0 ? text.Length : at + after;
            if (Decode(text[start..end]) is { } decoded) into.Add(new DecodedSegment(start, end - start, Name, decoded));
            pos = end;
        }
    }

    /// <summary>The fully decoded segment if it reads as text, else null.</summary>
    private static string? Decode(ReadOnlySpan<char> segment)
    {
        var plusIsSpace = segment.ContainsAny('?', '=', '&');
        var bytes = DecodeOnce(segment, plusIsSpace);
        for (var round = 1; round < MaxRounds && HasEscape(bytes); round++) bytes = DecodeOnce(Encoding.UTF8.GetString(bytes), false);
        return TextCheck.ToText(bytes);
    }

    private static byte[] DecodeOnce(ReadOnlySpan<char> s, bool plusIsSpace)
    {
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(s.Length)];
        var n = 0;
        var i = 0;
        while (i < s.Length)
        {
            var k = s[i..].IndexOfAny('%', '+');
            var stop = k < 0 ? s.Length : i + k;
            n += Encoding.UTF8.GetBytes(s[i..stop], bytes.AsSpan(n));
            if (stop == s.Length) break;
            if (s[stop] == '+') bytes[n++] = plusIsSpace ? (byte)' ' : (byte)'+';
            else if (IsEscape(s, stop))
            {
                bytes[n++] = (byte)((HexValue(s[stop + 1]) << 4) | HexValue(s[stop + 2]));
                i = stop + 3;
                continue;
            }
            else bytes[n++] = (byte)'%';
            i = stop + 1;
        }
        return bytes[..n];
    }

    private static bool HasEscape(ReadOnlySpan<byte> bytes)
    {
        for (var i = bytes.IndexOf((byte)'%'); i >= 0 && i + 2 < bytes.Length; i = NextPercent(bytes, i))
            if (char.IsAsciiHexDigit((char)bytes[i + 1]) && char.IsAsciiHexDigit((char)bytes[i + 2])) return true;
        return false;
    }

    private static int NextPercent(ReadOnlySpan<byte> bytes, int i)
    {
        var k = bytes[(i + 1)..].IndexOf((byte)'%');
        return k < 0 ? -1 : i + 1 + k;
    }

    private static bool IsEscape(ReadOnlySpan<char> s, int at) =>
        at + 2 < s.Length && char.IsAsciiHexDigit(s[at + 1]) && char.IsAsciiHexDigit(s[at + 2]);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
