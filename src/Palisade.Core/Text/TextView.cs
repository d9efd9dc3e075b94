namespace Palisade.Core.Text;

/// <summary>
/// One way of reading a field's text: the raw text, a normalized form, a folded form for phrase rules,
/// or a decoded payload. Every view maps its spans back to the field's original text.
/// </summary>
public sealed class TextView
{
    private readonly int[]? _map;
    private readonly int _segmentStart;
    private readonly int _segmentLength;

    /// <summary><c>raw</c>, <c>normalized</c>, <c>folded</c>, or a decoding chain such as <c>base64</c> or <c>url+base64</c>.</summary>
    public string Name { get; }
    public string Text { get; }

    /// <summary>How many decodings produced this view (0 for raw, normalized and folded).</summary>
    public int Depth { get; }

    private TextView(string name, string text, int depth, int[]? map, int segmentStart, int segmentLength)
    {
        Name = name;
        Text = text;
        Depth = depth;
        _map = map;
        _segmentStart = segmentStart;
        _segmentLength = segmentLength;
    }

    /// <summary>The original text itself.</summary>
    public static TextView Raw(string text) => new("raw", text, 0, null, -1, 0);

    /// <summary>A transformed copy of the original; <paramref name="map"/>[i] is the original index of view character i.</summary>
    public static TextView Mapped(string name, string text, int[] map) => new(name, text, 0, map, -1, 0);

    /// <summary>Text decoded from the original segment [start, start+length).</summary>
    public static TextView Decoded(string name, string text, int depth, int segmentStart, int segmentLength) =>
        new(name, text, depth, null, segmentStart, segmentLength);

    public bool IsDecoded => _segmentStart >= 0;

    /// <summary>The span of the original text that a span of this view came from.</summary>
    public (int Start, int Length) ToSource(int start, int length)
    {
        if (_segmentStart >= 0) return (_segmentStart, _segmentLength);
        if (_map is null || _map.Length == 0) return (start, length);
        var s = _map[Math.Clamp(start, 0, _map.Length - 1)];
        var e = _map[Math.Clamp(start + Math.Max(length, 1) - 1, 0, _map.Length - 1)];
        return (s, e - s + 1);
    }
}
