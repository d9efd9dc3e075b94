using System.Text;

namespace Palisade.Core.Analyzers.Egress;

/// <summary>Percent-decoding as URL parsers do it: <c>%XX</c> bytes read as UTF-8, malformed escapes left as they are.</summary>
public static class PercentDecoding
{
    /// <summary>One round of decoding. <paramref name="plusAsSpace"/> for query strings (form encoding).</summary>
    public static string Decode(string text, bool plusAsSpace = false)
    {
        if (text.IndexOf('%') < 0 && !(plusAsSpace && text.Contains('+'))) return text;
        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                bytes.Add((byte)(Hex(text[i + 1]) << 4 | Hex(text[i + 2])));
                i += 2;
            }
            else if (c == '+' && plusAsSpace) bytes.Add((byte)' ');
            else if (c < 0x80) bytes.Add((byte)c);
            else
            {
                // A surrogate pair is encoded as one code point.
                var n = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                    ? Encoding.UTF8.GetBytes(text.AsSpan(i++, 2), utf8)
                    : Encoding.UTF8.GetBytes(text.AsSpan(i, 1), utf8);
                for (var k = 0; k < n; k++) bytes.Add(utf8[k]);
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>Decodes until nothing changes or <paramref name="maxRounds"/> is reached: <c>%2541</c> → <c>%41</c> → <c>A</c>.</summary>
    public static string DecodeFully(string text, int maxRounds = 4, bool plusAsSpace = false)
    {
        for (var round = 0; round < maxRounds; round++)
        {
            var next = Decode(text, plusAsSpace && round == 0);
            if (next == text) break;
            text = next;
        }
        return text;
    }

    /// <summary>How many rounds of percent-decoding change <paramref name="text"/> (at most <paramref name="maxRounds"/>).</summary>
    public static int Depth(string text, int maxRounds = 4)
    {
        var rounds = 0;
        for (; rounds < maxRounds; rounds++)
        {
            var next = Decode(text, false);
            if (next == text) break;
            text = next;
        }
        return rounds;
    }

    private static int Hex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
