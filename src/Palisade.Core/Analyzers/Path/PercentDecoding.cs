using System.Text;

namespace Palisade.Core.Analyzers.Paths;

/// <summary>
/// Decodes URL escapes in a path to a fixpoint, in one pass: <c>%2e%2e%2f</c>, double-encoded <c>%252e</c>,
/// overlong UTF-8 (<c>%c0%ae</c>), IIS-style <c>%u002e</c> and the Unicode slashes that some decoders map to <c>/</c>.
/// Only escapes that decode to ASCII are decoded: those are the ones that change how a path resolves.
/// </summary>
internal static class PercentDecoding
{
    public static bool MayNeedDecoding(string s) => s.Contains('%');

    /// <summary>
    /// Each decoded character is appended and the tail re-examined, so an escape completed by a decoded character
    /// (<c>%252e</c> → <c>%2e</c> → <c>.</c>) is decoded too: no escape that decodes to ASCII is left in the result.
    /// </summary>
    public static string Decode(string s)
    {
        if (!MayNeedDecoding(s)) return s;
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(c);
            while (ReduceTail(sb)) { }
        }
        return sb.ToString();
    }

    private static bool ReduceTail(StringBuilder sb)
    {
        var n = sb.Length;
        if (n < 3 || !IsHex(sb[n - 1])) return false;
        if (sb[n - 3] == '%' && IsHex(sb[n - 2]))
        {
            var v = Hex(sb[n - 2]) << 4 | Hex(sb[n - 1]);
            if (v < 0x80) return Replace(sb, 3, (char)v);
            // Overlong UTF-8 for ASCII: c0/c1 + continuation, or e0 80..9f + continuation.
            if (n >= 6 && Byte(sb, n - 6) is >= 0xC0 and <= 0xC1 and var lead2 && v is >= 0x80 and <= 0xBF)
                return Replace(sb, 6, (char)((lead2 & 0x1F) << 6 | (v & 0x3F)));
            if (n >= 9 && Byte(sb, n - 9) == 0xE0 && Byte(sb, n - 6) is >= 0x80 and <= 0x9F and var mid && v is >= 0x80 and <= 0xBF)
            {
                var cp = (mid & 0x3F) << 6 | (v & 0x3F);
                if (cp < 0x80) return Replace(sb, 9, (char)cp);
            }
            return false;
        }
        if (n >= 6 && sb[n - 6] == '%' && sb[n - 5] is 'u' or 'U' && IsHex(sb[n - 4]) && IsHex(sb[n - 3]) && IsHex(sb[n - 2]))
        {
            var cp = Hex(sb[n - 4]) << 12 | Hex(sb[n - 3]) << 8 | Hex(sb[n - 2]) << 4 | Hex(sb[n - 1]);
            char? ascii = cp switch
            {
                < 0x80 => (char)cp,
                0x2215 or 0xFF0F => '/',
                0x2216 or 0xFF3C => '\\',
                0xFF0E => '.',
                _ => null,
            };
            return ascii is { } a && Replace(sb, 6, a);
        }
        return false;
    }

    /// <summary>The byte of a <c>%XX</c> escape starting at <paramref name="at"/>, or -1.</summary>
    private static int Byte(StringBuilder sb, int at) =>
        sb[at] == '%' && IsHex(sb[at + 1]) && IsHex(sb[at + 2]) ? Hex(sb[at + 1]) << 4 | Hex(sb[at + 2]) : -1;

    private static bool Replace(StringBuilder sb, int tail, char c)
    {
        sb.Length -= tail;
        sb.Append(c);
        return true;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int Hex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
