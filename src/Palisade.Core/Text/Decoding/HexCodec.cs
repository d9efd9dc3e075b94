using System.Buffers;

namespace Palisade.Core.Text.Decoding;

/// <summary>
/// Hex in the forms people and tools write it: plain runs (<c>48656c6c6f</c>), escaped (<c>\x48\x65</c>), C-style lists
/// (<c>0x48, 0x65</c>) and delimited pairs (<c>48:65</c>, <c>48 65</c>, <c>48-65</c>). Text encoded as hex always has
/// digits (printable ASCII is 0x20–0x7E), so the scan jumps from digit to digit with a vectorized search and only
/// looks around the digits it lands on.
/// </summary>
internal static class HexCodec
{
    public const string Name = "hex";

    private const string RunAlphabet = "0123456789ABCDEFabcdefxX\\:,- ";
    private static readonly SearchValues<char> RunChars = SearchValues.Create(RunAlphabet);
    private static readonly bool[] IsRunChar = AsciiTable.Of(RunAlphabet);
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789ABCDEFabcdef");

    public static void Find(ReadOnlySpan<char> text, int minLength, List<DecodedSegment> into)
    {
        var pos = 0;
        while (pos < text.Length)
        {
            var k = text[pos..].IndexOfAnyInRange('0', '9');
            if (k < 0) break;
            var digit = pos + k;
            var start = digit;
            while (start > pos && IsRun(text[start - 1])) start--;
            var end = digit + 1;
            while (end < text.Length && end - start < minLength && IsRun(text[end])) end++;
            if (end - start >= minLength && end < text.Length)
            {
                var after = text[end..].IndexOfAnyExcept(RunChars);
                end = after < 0 ? text.Length : end + after;
            }
            if (end - start >= minLength) ParseRun(text, start, end, minLength, into);
            pos = end + 1;
        }
    }

    private static bool IsRun(char c) => c < 128 && IsRunChar[c];

    /// <summary>Finds every well-formed hex sequence in text[start, end) and keeps those that decode to text.</summary>
    private static void ParseRun(ReadOnlySpan<char> text, int start, int end, int minLength, List<DecodedSegment> into)
    {
        var run = text[start..end];
        var bytes = ArrayPool<byte>.Shared.Rent(run.Length / 2 + 1);
        try
        {
            var i = 0;
            while (i < run.Length)
            {
                // A sequence's suffixes are sequences too, and shorter: whatever the verdict, skip all of it.
                var length = ParseSequence(run[i..], bytes, out var count, out var firstUnit);
                if (length >= minLength && TextCheck.ToText(bytes.AsSpan(0, count)) is { } decoded)
                    into.Add(new DecodedSegment(start + i, length, Name, decoded));
                i += Math.Max(1, Math.Max(length, firstUnit));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// Parses the longest hex sequence at the start of <paramref name="s"/>: a plain even-length run, or two-digit
    /// units with one prefix (<c>\x</c>, <c>0x</c> or none) and one separator throughout. Returns its length in chars (0 if none).
    /// </summary>
    private static int ParseSequence(ReadOnlySpan<char> s, byte[] into, out int count, out int firstUnit)
    {
        count = 0;
        var prefix = PrefixLength(s);
        var digits = HexRun(s[prefix..]);
        firstUnit = prefix + digits;
        if (digits < 2) return 0;
        if (digits != 2)
        {
            if (digits % 2 != 0) return 0;
            for (var d = 0; d < digits; d += 2) into[count++] = Byte(s[prefix + d], s[prefix + d + 1]);
            return firstUnit;
        }
        into[count++] = Byte(s[prefix], s[prefix + 1]);
        var pos = firstUnit;
        var separator = SeparatorLength(s[pos..], prefix);
        if (separator < 0) return pos;
        var sepText = s.Slice(pos, separator);
        while (true)
        {
            var unit = pos + separator;
            if (!s[pos..].StartsWith(sepText) || PrefixLength(s[unit..]) != prefix) break;
            if (prefix > 0 && !s.Slice(unit, prefix).Equals(s[..prefix], StringComparison.OrdinalIgnoreCase)) break;
            if (HexRun(s[(unit + prefix)..]) != 2) break;
            into[count++] = Byte(s[unit + prefix], s[unit + prefix + 1]);
            pos = unit + prefix + 2;
        }
        return pos;
    }

    /// <summary>Length of the separator after a unit: 0 before another prefixed unit, 1 or 2 for <c>" " ":" "," "-" ", "</c>, -1 for none.</summary>
    private static int SeparatorLength(ReadOnlySpan<char> s, int prefix)
    {
        if (s.IsEmpty) return -1;
        if (prefix > 0 && PrefixLength(s) == prefix) return 0;
        if (s[0] == ',' && s.Length > 1 && s[1] == ' ') return 2;
        return s[0] is ' ' or ':' or ',' or '-' ? 1 : -1;
    }

    private static int PrefixLength(ReadOnlySpan<char> s) =>
        s.Length > 2 && s[0] is '\\' or '0' && s[1] is 'x' or 'X' && char.IsAsciiHexDigit(s[2]) ? 2 : 0;

    private static int HexRun(ReadOnlySpan<char> s)
    {
        var n = s.IndexOfAnyExcept(HexDigits);
        return n < 0 ? s.Length : n;
    }

    private static byte Byte(char hi, char lo) => (byte)((HexValue(hi) << 4) | HexValue(lo));

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
