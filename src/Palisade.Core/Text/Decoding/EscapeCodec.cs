using System.Buffers;
using System.Globalization;
using System.Text;

namespace Palisade.Core.Text.Decoding;

/// <summary>
/// Character escapes written into text: HTML numeric references (<c>&amp;#105;</c>, <c>&amp;#x69;</c>) and
/// backslash escapes (<c>\u0069</c>, <c>\u{69}</c>, <c>\x69</c>), as a fetched page or a string literal hides a
/// phrase in them. A segment is a line holding at least <see cref="MinEscapes"/> of them; it decodes to the line
/// with every escape replaced, the common named references (<c>&amp;lt;</c>, <c>&amp;amp;</c>, …) included. A line
/// with only named references is ordinary HTML and is left alone.
/// </summary>
internal static class EscapeCodec
{
    public const string Name = "escape";

    /// <summary>Fewer than this in a line is a stray escape (a quoted <c>\n</c>, one <c>&amp;#8217;</c>), not hiding.</summary>
    private const int MinEscapes = 3;

    private static readonly SearchValues<char> Leads = SearchValues.Create("&\\\n");

    public static void Find(string text, List<DecodedSegment> into)
    {
        var span = text.AsSpan();
        if (!span.ContainsAny('&', '\\')) return;
        var lineStart = 0;
        var escapes = 0;
        var pos = 0;
        while (true)
        {
            var k = span[pos..].IndexOfAny(Leads);
            var at = k < 0 ? span.Length : pos + k;
            if (at == span.Length || span[at] == '\n')
            {
                if (escapes >= MinEscapes && Decode(span[lineStart..at]) is { } decoded)
                    into.Add(new DecodedSegment(lineStart, at - lineStart, Name, decoded));
                if (at == span.Length) return;
                lineStart = pos = at + 1;
                escapes = 0;
                continue;
            }
            var (length, _) = Read(span[at..], named: false);
            if (length > 0) escapes++;
            pos = at + Math.Max(length, 1);
        }
    }

    /// <summary>The line with its escapes replaced; null when nothing changed or the result is not text.</summary>
    private static string? Decode(ReadOnlySpan<char> line)
    {
        var sb = new StringBuilder(line.Length);
        var i = 0;
        while (i < line.Length)
        {
            var k = line[i..].IndexOfAny('&', '\\');
            if (k < 0) { sb.Append(line[i..]); break; }
            sb.Append(line.Slice(i, k));
            i += k;
            var (length, code) = Read(line[i..], named: true);
            if (length == 0) { sb.Append(line[i]); i++; continue; }
            // A surrogate pair written as two escapes (\uD83D\uDE00) comes out whole; a lone half becomes U+FFFD below.
            if (code is 0 or > 0x10FFFF) sb.Append('\uFFFD');
            else if (code <= 0xFFFF) sb.Append((char)code);
            else sb.Append(char.ConvertFromUtf32(code));
            i += length;
        }
        var decoded = sb.ToString();
        return decoded.AsSpan().SequenceEqual(line) ? null : TextCheck.ToText(Encoding.UTF8.GetBytes(decoded));
    }

    /// <summary>The length of the escape at the start of <paramref name="s"/> and the code point it stands for; (0, 0) if none.</summary>
    private static (int Length, int Code) Read(ReadOnlySpan<char> s, bool named)
    {
        if (s.Length < 3) return (0, 0);
        if (s[0] == '&') return s[1] == '#' ? Numeric(s) : named ? Named(s) : (0, 0);
        if (s[0] != '\\') return (0, 0);
        return s[1] switch
        {
            'u' when s.Length >= 4 && s[2] == '{' => Braced(s),
            'u' => Hex(s, 2, 4),
            'x' => Hex(s, 2, 2),
            _ => (0, 0),
        };
    }

    /// <summary><c>&amp;#DDDD;</c> or <c>&amp;#xHHHH;</c>, up to 7 digits, the semicolon required.</summary>
    private static (int, int) Numeric(ReadOnlySpan<char> s)
    {
        var hex = s.Length > 2 && (s[2] == 'x' || s[2] == 'X');
        var start = hex ? 3 : 2;
        var end = start;
        while (end < s.Length && end - start < 7 && (hex ? char.IsAsciiHexDigit(s[end]) : char.IsAsciiDigit(s[end]))) end++;
        if (end == start || end >= s.Length || s[end] != ';') return (0, 0);
        var style = hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        return int.TryParse(s[start..end], style, CultureInfo.InvariantCulture, out var code) ? (end + 1, code) : (0, 0);
    }

    private static (int, int) Hex(ReadOnlySpan<char> s, int start, int digits)
    {
        if (s.Length < start + digits) return (0, 0);
        var value = s.Slice(start, digits);
        return int.TryParse(value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) ? (start + digits, code) : (0, 0);
    }

    /// <summary><c>\u{1F600}</c>: one to six hex digits in braces.</summary>
    private static (int, int) Braced(ReadOnlySpan<char> s)
    {
        var close = s[3..].IndexOf('}');
        if (close is < 1 or > 6) return (0, 0);
        var digits = s.Slice(3, close);
        foreach (var c in digits) if (!char.IsAsciiHexDigit(c)) return (0, 0);
        return (close + 4, int.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
    }

    private static (int, int) Named(ReadOnlySpan<char> s)
    {
        var semi = s[..Math.Min(s.Length, 8)].IndexOf(';');
        if (semi < 3) return (0, 0);
        int code = s[1..semi] switch
        {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            _ => 0,
        };
        return code == 0 ? (0, 0) : (semi + 1, code);
    }
}
