using System.Text;

namespace Palisade.Core.Text.Decoding;

/// <summary>
/// Decides whether decoded bytes are worth a view: text (valid UTF-8, mostly printable, mostly letters, digits
/// and spaces) is kept; binary is dropped unless it carries a secret-shaped run of printable characters, in
/// which case those runs are kept. Almost every string of base64 or hex letters decodes to something, so this
/// is what keeps identifiers, hashes and random noise from becoming views.
/// </summary>
internal static class TextCheck
{
    /// <summary>Shortest printable run inside binary data that is kept as possibly a credential.</summary>
    private const int SecretRunLength = 16;

    /// <summary>The text to scan, or null. <paramref name="strict"/> (for short whole-content guesses) allows no bad character at all.</summary>
    public static string? ToText(ReadOnlySpan<byte> bytes, bool strict = false)
    {
        if (bytes.IsEmpty) return null;
        var text = Encoding.UTF8.GetString(bytes);
        int bad = 0, wordish = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))) bad++;
            else if (char.IsLetterOrDigit(c) || c == ' ') wordish++;
        }
        var textLike = (strict ? bad == 0 : bad * 10 <= text.Length) && wordish * 2 >= text.Length;
        if (textLike) return text;
        return strict ? null : SecretShapedRuns(bytes);
    }

    /// <summary>Printable token runs of at least <see cref="SecretRunLength"/> bytes with both letters and digits, one per line; null if none.</summary>
    private static string? SecretShapedRuns(ReadOnlySpan<byte> bytes)
    {
        StringBuilder? runs = null;
        var i = 0;
        while (i < bytes.Length)
        {
            if (!IsTokenByte(bytes[i])) { i++; continue; }
            var start = i;
            bool letter = false, digit = false;
            for (; i < bytes.Length && IsTokenByte(bytes[i]); i++)
            {
                letter |= char.IsAsciiLetter((char)bytes[i]);
                digit |= char.IsAsciiDigit((char)bytes[i]);
            }
            if (i - start < SecretRunLength || !letter || !digit) continue;
            runs ??= new StringBuilder();
            if (runs.Length > 0) runs.Append('\n');
            runs.Append(Encoding.ASCII.GetString(bytes[start..i]));
        }
        return runs?.ToString();
    }

    private static bool IsTokenByte(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'+' or (byte)'/' or (byte)'=' or (byte)'.' or (byte)':';
}
