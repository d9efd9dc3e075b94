using System.Buffers;

namespace Palisade.Core.Text.Decoding;

/// <summary>
/// Decodes a field that is one payload as a whole: base64 wrapped over lines (MIME, PEM bodies), a hex dump
/// spread over lines, or a token too short for segment search (<c>aWdub3Jl</c>). Whitespace is dropped before
/// decoding. Short or wrapped guesses use the strict text check, since any word is "valid" base64.
/// </summary>
internal static class WholeContent
{
    /// <summary>Shortest whole field (blanks excluded) worth a guess.</summary>
    public const int MinLength = 8;

    private static readonly SearchValues<char> Payload =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_= \t\n\r");

    private static readonly SearchValues<char> Blanks = SearchValues.Create(" \t\n\r");

    /// <summary>A segment covering the whole (trimmed) text, when it decodes as one payload that segment search could not see whole.</summary>
    public static DecodedSegment? TryDecode(ReadOnlySpan<char> text, int minSegmentLength)
    {
        var trimmed = text.Trim(" \t\n\r");
        if (trimmed.Length < MinLength || trimmed.IndexOfAnyExcept(Payload) >= 0) return null;
        var wrapped = trimmed.ContainsAny(Blanks);
        if (!wrapped && trimmed.Length >= minSegmentLength) return null;

        var start = text.Length - text.TrimStart(" \t\n\r").Length;
        var compact = new char[trimmed.Length];
        var n = 0;
        foreach (var c in trimmed)
            if (!Blanks.Contains(c)) compact[n++] = c;
        var payload = compact.AsSpan(0, n);
        var bytes = new byte[Base64Codec.MaxDecodedLength(n) + Base32Codec.MaxDecodedLength(n)];

        string? decoded;
        if (payload.IndexOfAnyExcept("0123456789ABCDEFabcdef") < 0 && n % 2 == 0)
        {
            Convert.FromHexString(payload, bytes, out _, out _);
            if ((decoded = TextCheck.ToText(bytes.AsSpan(0, n / 2), strict: true)) is not null)
                return new DecodedSegment(start, trimmed.Length, HexCodec.Name, decoded);
        }
        if (Base32Codec.IsAlphabet(payload) && Base32Codec.TryDecode(payload, bytes, out var n32)
            && (decoded = TextCheck.ToText(bytes.AsSpan(0, n32), strict: true)) is not null)
            return new DecodedSegment(start, trimmed.Length, Base32Codec.Name, decoded);
        if (Base64Codec.TryDecode(payload, bytes, out var n64) && (decoded = TextCheck.ToText(bytes.AsSpan(0, n64), strict: true)) is not null)
            return new DecodedSegment(start, trimmed.Length, Base64Codec.Name, decoded);
        return null;
    }
}
