using System.Buffers;

namespace Palisade.Core.Text.Decoding;

/// <summary>
/// Bytes hidden in variation selectors after a visible character (one selector per byte: U+FE00–U+FE0F are
/// 0–15, U+E0100–U+E01EF are 16–255). A single selector is ordinary emoji presentation; a run of them is a payload.
/// </summary>
internal static class VariationSelectorCodec
{
    public const string Name = "variation-selectors";

    private const int MinBytes = 4;

    /// <summary>Where a payload of selectors can start; U+DB40 also leads every tag character (<see cref="TagCodec"/>).</summary>
    internal static readonly SearchValues<char> Starts = SearchValues.Create("\uDB40\uFE00\uFE01\uFE02\uFE03\uFE04\uFE05\uFE06\uFE07\uFE08\uFE09\uFE0A\uFE0B\uFE0C\uFE0D\uFE0E\uFE0F");

    public static void Find(ReadOnlySpan<char> text, List<DecodedSegment> into)
    {
        var pos = 0;
        while (pos < text.Length)
        {
            var k = text[pos..].IndexOfAny(Starts);
            if (k < 0) break;
            var start = pos + k;
            var bytes = new List<byte>();
            var i = start;
            while (i < text.Length && Selector(text, i, out var value, out var length))
            {
                bytes.Add(value);
                i += length;
            }
            if (bytes.Count >= MinBytes && TextCheck.ToText(bytes.ToArray()) is { } decoded)
                into.Add(new DecodedSegment(start, i - start, Name, decoded));
            pos = Math.Max(i, start + 1);
        }
    }

    private static bool Selector(ReadOnlySpan<char> s, int i, out byte value, out int length)
    {
        var c = s[i];
        if (c is >= '\uFE00' and <= '\uFE0F')
        {
            (value, length) = ((byte)(c - '\uFE00'), 1);
            return true;
        }
        if (c == '\uDB40' && i + 1 < s.Length && s[i + 1] is >= '\uDD00' and <= '\uDDEF')
        {
            (value, length) = ((byte)(s[i + 1] - '\uDD00' + 16), 2);
            return true;
        }
        (value, length) = (0, 0);
        return false;
    }
}
