namespace Palisade.Core.Text.Decoding;

/// <summary>Base32 as RFC 4648 writes it: upper-case <c>A–Z2–7</c>, padded with <c>=</c> or not.</summary>
internal static class Base32Codec
{
    public const string Name = "base32";

    public static bool IsAlphabet(ReadOnlySpan<char> run) =>
        run.TrimEnd('=').IndexOfAnyExcept(Alphabet) < 0;

    private static readonly System.Buffers.SearchValues<char> Alphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");

    public static int MaxDecodedLength(int chars) => chars * 5 / 8 + 5;

    public static bool TryDecode(ReadOnlySpan<char> run, Span<byte> into, out int written)
    {
        written = 0;
        var trimmed = run.TrimEnd('=');
        var padding = run.Length - trimmed.Length;
        if (padding > 6 || (trimmed.Length % 8) is 1 or 3 or 6) return false;
        if (padding > 0 && run.Length % 8 != 0) return false;
        int acc = 0, bits = 0;
        foreach (var c in trimmed)
        {
            int value = c switch
            {
                >= 'A' and <= 'Z' => c - 'A',
                >= '2' and <= '7' => c - '2' + 26,
                _ => -1,
            };
            if (value < 0) return false;
            acc = (acc << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bits -= 8;
            into[written++] = (byte)(acc >> bits);
            acc &= (1 << bits) - 1;
        }
        return true;
    }
}
