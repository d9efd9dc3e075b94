namespace Palisade.Gateway.Egress.Sessions;

/// <summary>
/// Counts the characters of an outbound payload that look random: tokens of 16+ base64/hex/url-safe characters whose
/// Shannon entropy is at least 3.5 bits a character. Words, numbers and ids repeat letters and stay under it; keys,
/// ciphertext and encoded blobs do not.
/// </summary>
public static class EntropyMeter
{
    private const int MinToken = 16;
    private const double MinBitsPerChar = 3.5;

    public static int HighEntropyChars(ReadOnlySpan<char> text)
    {
        var total = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inToken = i < text.Length && IsTokenChar(text[i]);
            if (inToken && start < 0) start = i;
            else if (!inToken && start >= 0)
            {
                var token = text[start..i];
                if (token.Length >= MinToken && Entropy(token) >= MinBitsPerChar) total += token.Length;
                start = -1;
            }
        }
        return total;
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '-' or '_';

    public static double Entropy(ReadOnlySpan<char> token)
    {
        Span<int> counts = stackalloc int[128];
        counts.Clear();
        foreach (var c in token) counts[c & 127]++;
        double h = 0;
        foreach (var n in counts)
        {
            if (n == 0) continue;
            var p = (double)n / token.Length;
            h -= p * Math.Log2(p);
        }
        return h;
    }
}
