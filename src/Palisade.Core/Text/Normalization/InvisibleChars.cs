using System.Buffers;
using System.Text;

namespace Palisade.Core.Text.Normalization;

/// <summary>
/// Characters that change what a model reads without changing what a person sees: zero-width and
/// joiner characters, bidi controls, Unicode tags, variation selectors, the soft hyphen, fillers and
/// control characters. They are removed before anything reads the text.
/// </summary>
internal static class InvisibleChars
{
    /// <summary>Printable ASCII plus tab, line feed, vertical tab, form feed and carriage return: text made only of these needs no normalization.</summary>
    public static readonly SearchValues<char> CleanAscii = SearchValues.Create(
        "\t\n\v\f\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>Every BMP character that is removed, plus all surrogates (checked as pairs: tags and other supplementary format characters, and lone halves).</summary>
    public static readonly SearchValues<char> Candidates = SearchValues.Create(BuildCandidates());

    /// <summary>True for a BMP character that is removed outright.</summary>
    public static bool IsInvisible(char c) => c switch
    {
        < '\u0020' => c is not ('\t' or '\n' or '\v' or '\f' or '\r'),
        >= '\u007F' and <= '\u009F' => c != '\u0085',
        '\u00AD' or '\u034F' or '\u061C' or '\u115F' or '\u1160' or '\u17B4' or '\u17B5' or '\u3164' or '\uFEFF' or '\uFFA0' => true,
        >= '\u180B' and <= '\u180F' => true,
        >= '\u200B' and <= '\u200F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2060' and <= '\u206F' => true,
        >= '\uFE00' and <= '\uFE0F' => true,
        >= '\uFFF9' and <= '\uFFFB' => true,
        _ => false,
    };

    /// <summary>True for a supplementary code point that is removed: tags, supplementary variation selectors, shorthand and musical format controls.</summary>
    public static bool IsInvisible(int codePoint) => codePoint switch
    {
        >= 0xE0000 and <= 0xE007F => true,
        >= 0xE0100 and <= 0xE01EF => true,
        >= 0x1BCA0 and <= 0x1BCA3 => true,
        >= 0x1D173 and <= 0x1D17A => true,
        _ => false,
    };

    /// <summary>Length of an ANSI CSI escape sequence (ESC [ parameters final) at the start of <paramref name="s"/>, or 1 for a bare ESC.</summary>
    public static int EscapeLength(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || s[1] != '[') return 1;
        var i = 2;
        while (i < s.Length && s[i] is >= '\u0030' and <= '\u003F') i++;
        while (i < s.Length && s[i] is >= '\u0020' and <= '\u002F') i++;
        return i < s.Length && s[i] is >= '\u0040' and <= '\u007E' ? i + 1 : 1;
    }

    private static string BuildCandidates()
    {
        var sb = new StringBuilder();
        for (var c = 0; c <= 0xFFFF; c++)
            if (IsInvisible((char)c) || char.IsSurrogate((char)c)) sb.Append((char)c);
        return sb.ToString();
    }
}
