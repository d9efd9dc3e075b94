namespace Palisade.Core.Analyzers.Egress;

/// <summary>
/// Text hidden in subdomain labels as hex, the DNS-safe encoding tunnels favour (<c>4150494b4559.example.net</c> is
/// <c>APIKEY</c>). Hex that decodes to printable text is written, not generated: random bytes are printable one time in
/// three, so six or more printable bytes in a row happen by chance about once in four hundred hex labels, and CDN or
/// cache ids (digests) decode to noise.
/// </summary>
public static class HostLabelText
{
    /// <summary>Bytes the decoded text must have: shorter hex (a <c>cafe</c>, a <c>b00c</c>) is too likely a word or an id.</summary>
    public const int MinBytes = 6;

    /// <summary>
    /// The printable text that the subdomain's hex labels spell, joined in order (a value split over labels is one
    /// value), when they spell at least <see cref="MinBytes"/> characters with a letter among them; otherwise null.
    /// </summary>
    public static string? HexText(IReadOnlyList<string> labels)
    {
        var hex = new System.Text.StringBuilder();
        foreach (var label in labels)
            if (label.Length >= 8 && label.Length % 2 == 0 && IsHex(label)) hex.Append(label);
        if (hex.Length < MinBytes * 2) return null;
        var text = new char[hex.Length / 2];
        var letters = false;
        for (var i = 0; i < text.Length; i++)
        {
            var b = Convert.ToByte(hex.ToString(i * 2, 2), 16);
            if (b is < 0x20 or > 0x7e) return null;
            text[i] = (char)b;
            letters |= char.IsAsciiLetter(text[i]);
        }
        return letters ? new string(text) : null;
    }

    private static bool IsHex(string label)
    {
        foreach (var c in label)
            if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }
}
