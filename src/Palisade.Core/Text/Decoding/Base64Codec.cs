namespace Palisade.Core.Text.Decoding;

/// <summary>Base64, standard (<c>+/</c>) or URL-safe (<c>-_</c>), padded or not. Lenient about trailing bits, strict about the alphabet.</summary>
internal static class Base64Codec
{
    public const string Name = "base64";

    private static readonly sbyte[] Values = BuildValues();

    public static int MaxDecodedLength(int chars) => chars * 3 / 4 + 3;

    public static bool TryDecode(ReadOnlySpan<char> run, Span<byte> into, out int written)
    {
        written = 0;
        var padding = 0;
        while (run.Length > 0 && run[^1] == '=')
        {
            run = run[..^1];
            padding++;
        }
        if (padding > 2 || run.Length % 4 == 1 || (padding > 0 && (run.Length + padding) % 4 != 0)) return false;
        if (run.ContainsAny('+', '/') && run.ContainsAny('-', '_')) return false;
        int acc = 0, bits = 0;
        foreach (var c in run)
        {
            var value = c < 128 ? Values[c] : -1;
            if (value < 0) return false;
            acc = (acc << 6) | (int)(uint)value;
            bits += 6;
            if (bits < 8) continue;
            bits -= 8;
            into[written++] = (byte)(acc >> bits);
            acc &= (1 << bits) - 1;
        }
        return true;
    }

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (var i = 0; i < alphabet.Length; i++) values[alphabet[i]] = (sbyte)i;
        values['+'] = values['-'] = 62;
        values['/'] = values['_'] = 63;
        return values;
    }
}
