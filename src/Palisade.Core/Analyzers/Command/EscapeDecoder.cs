using System.Globalization;
using System.Text;

namespace Palisade.Core.Analyzers.Commands;

/// <summary>Which backslash escapes a text uses: they differ in how octal is written.</summary>
public enum EscapeStyle
{
    /// <summary>bash <c>$'…'</c>: <c>\NNN</c> octal.</summary>
    AnsiC,

    /// <summary><c>printf</c> format: <c>\NNN</c> octal.</summary>
    Printf,

    /// <summary><c>echo -e</c>: <c>\0NNN</c> octal, <c>\c</c> ends output.</summary>
    Echo,
}

/// <summary>Decodes the backslash escapes that obfuscated commands hide behind (<c>\x63\x75\x72\x6c</c>, <c>\143</c>, <c>\u0063</c>).</summary>
public static class EscapeDecoder
{
    public static string Decode(string s, EscapeStyle style, int maxChars)
    {
        if (s.IndexOf('\\') < 0) return s.Length <= maxChars ? s : s[..maxChars];
        var sb = new StringBuilder(Math.Min(s.Length, maxChars));
        var i = 0;
        while (i < s.Length && sb.Length < maxChars)
        {
            var c = s[i];
            if (c != '\\' || i + 1 >= s.Length)
            {
                sb.Append(c);
                i++;
                continue;
            }
            var e = s[i + 1];
            i += 2;
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'v': sb.Append('\v'); break;
                case 'e' or 'E': sb.Append('\u001b'); break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case '?': sb.Append('?'); break;
                case 'c' when style == EscapeStyle.Echo: return sb.ToString();
                case 'c' when style == EscapeStyle.AnsiC && i < s.Length: sb.Append((char)(s[i++] & 0x1f)); break;
                case 'x': i = Hex(s, i, 2, sb, "\\x"); break;
                case 'u': i = Hex(s, i, 4, sb, "\\u"); break;
                case 'U': i = Hex(s, i, 8, sb, "\\U"); break;
                case '0' when style == EscapeStyle.Echo: i = Octal(s, i, 3, sb); break;
                case >= '0' and <= '7' when style != EscapeStyle.Echo: i = Octal(s, i - 1, 3, sb); break;
                default: sb.Append('\\').Append(e); break;
            }
        }
        return sb.ToString();
    }

    private static int Hex(string s, int i, int max, StringBuilder sb, string literal)
    {
        var n = 0;
        while (n < max && i + n < s.Length && char.IsAsciiHexDigit(s[i + n])) n++;
        if (n == 0) { sb.Append(literal); return i; }
        var value = int.Parse(s.AsSpan(i, n), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF)) sb.Append(char.ConvertFromUtf32(value));
        return i + n;
    }

    private static int Octal(string s, int i, int max, StringBuilder sb)
    {
        var n = 0;
        var value = 0;
        while (n < max && i + n < s.Length && s[i + n] is >= '0' and <= '7') value = value * 8 + (s[i + n++] - '0');
        sb.Append((char)(value & 0xFF));
        return i + n;
    }
}
