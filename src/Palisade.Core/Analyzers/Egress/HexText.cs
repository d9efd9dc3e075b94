namespace Palisade.Core.Analyzers.Egress;

/// <summary>
/// Tokens spelled in hex: a long hex run whose bytes hold a printable token shaped like encoded data (a key, a token,
/// base64), as in <c>deadbeef…774a616c72…</c>. A digest or a signature decodes to random bytes, in which a printable
/// run of 20 characters turns up about once in 10⁹ positions; text wrapped in hex on its way out is the smuggling.
/// </summary>
public static class HexText
{
    /// <summary>Shortest hex run worth decoding (20 bytes: the shortest token reported).</summary>
    public const int MinHexChars = 40;

    /// <summary>Shortest printable token reported.</summary>
    public const int MinTokenChars = 20;

    /// <summary>Bounded work for hostile input: hex characters decoded per text, tokens returned per text.</summary>
    public const int MaxHexChars = 64 * 1024;
    public const int MaxTokens = 16;

    /// <summary>The encoded-looking tokens that the hex runs of <paramref name="text"/> decode to.</summary>
    public static List<string> EncodedTokens(string text)
    {
        var tokens = new List<string>();
        var budget = MaxHexChars;
        for (var i = 0; i < text.Length && budget > 0 && tokens.Count < MaxTokens;)
        {
            if (!char.IsAsciiHexDigit(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && char.IsAsciiHexDigit(text[i])) i++;
            var length = Math.Min((i - start) & ~1, budget);
            if (length < MinHexChars) continue;
            budget -= length;
            AddTokens(Convert.FromHexString(text.AsSpan(start, length)), tokens);
        }
        return tokens;
    }

    private static void AddTokens(byte[] bytes, List<string> tokens)
    {
        var start = -1;
        for (var i = 0; i <= bytes.Length && tokens.Count < MaxTokens; i++)
        {
            var inToken = i < bytes.Length && IsTokenByte(bytes[i]);
            if (inToken && start < 0) start = i;
            if (inToken || start < 0) continue;
            if (i - start >= MinTokenChars)
            {
                var token = System.Text.Encoding.ASCII.GetString(bytes, start, i - start);
                if (RandomShape.LooksEncoded(token)) tokens.Add(token);
            }
            start = -1;
        }
    }

    /// <summary>Letters, digits and the base64 and base64url punctuation.</summary>
    private static bool IsTokenByte(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z')
        or (byte)'+' or (byte)'/' or (byte)'=' or (byte)'_' or (byte)'-';
}
