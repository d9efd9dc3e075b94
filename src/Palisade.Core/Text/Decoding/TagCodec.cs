using System.Text;

namespace Palisade.Core.Text.Decoding;

/// <summary>
/// "ASCII smuggling": Unicode tag characters (U+E0020–U+E007E) mirror printable ASCII, render as nothing, and are
/// read by models. Normalization removes them from what people see; this codec reads what they spell. Tags are
/// surrogate pairs whose high half is always U+DB40, so one vectorized search finds them.
/// </summary>
internal static class TagCodec
{
    public const string Name = "tags";

    /// <summary>Fewer tag characters than this are a flag emoji's subdivision code (🏴 + "gbsct"), not a message worth a view.</summary>
    private const int MinChars = 2;

    public static void Find(ReadOnlySpan<char> text, List<DecodedSegment> into)
    {
        var pos = 0;
        while (pos < text.Length)
        {
            var k = text[pos..].IndexOf('\uDB40');
            if (k < 0) break;
            var start = pos + k;
            var i = start;
            StringBuilder? decoded = null;
            while (i + 1 < text.Length && text[i] == '\uDB40' && text[i + 1] is >= '\uDC00' and <= '\uDC7F')
            {
                var ascii = (char)(text[i + 1] - '\uDC00');
                if (ascii is >= ' ' and <= '~') (decoded ??= new StringBuilder()).Append(ascii);
                i += 2;
            }
            if (decoded is { Length: >= MinChars }) into.Add(new DecodedSegment(start, i - start, Name, decoded.ToString()));
            pos = Math.Max(i, start + 1);
        }
    }
}
