using System.Buffers;
using Palisade.Core.Text.Mapping;

namespace Palisade.Core.Text;

/// <summary>
/// One way of reading a field's text: the raw text, a normalized form, a folded form for phrase rules,
/// or a decoded payload. Every view maps its spans back to the field's original text.
/// </summary>
/// <remarks>
/// A view made from another view keeps that view as its parent and a map into the parent's indices, so a
/// span travels back through each transformation in turn (folded → normalized → raw) exactly.
/// </remarks>
public sealed class TextView
{
    private string? _text;

    /// <summary>A pooled buffer holding the text until <see cref="Text"/> is asked for or the view is released.</summary>
    private char[]? _chars;
    private readonly TextView? _parent;
    private readonly IndexMap? _map;
    private readonly int _segmentStart;
    private readonly int _segmentLength;
    private readonly bool _decoded;

    /// <summary><c>raw</c>, <c>normalized</c>, <c>folded</c>, or a decoding chain such as <c>base64</c> or <c>url+base64</c>.</summary>
    public string Name { get; }

    /// <summary>The view's text. A folded view keeps its characters in a pooled buffer and makes the string on first use.</summary>
    public string Text => _text ??= new string(_chars ?? throw Released(), 0, Length);

    /// <summary>The view's characters, without making a string of them: what prefilters and windows read.</summary>
    public ReadOnlySpan<char> Chars => _text is not null ? _text.AsSpan() : (_chars ?? throw Released()).AsSpan(0, Length);

    public int Length { get; }

    /// <summary>True when <see cref="Text"/> costs nothing more.</summary>
    public bool HasText => _text is not null;

    /// <summary>How many decodings produced this view (0 for raw, normalized and folded).</summary>
    public int Depth { get; }

    private TextView(string name, string text, int depth, TextView? parent, IndexMap? map, int segmentStart, int segmentLength, bool decoded)
        : this(name, text, null, text.Length, depth, parent, map, segmentStart, segmentLength, decoded)
    {
    }

    private TextView(string name, string? text, char[]? chars, int length, int depth, TextView? parent, IndexMap? map, int segmentStart, int segmentLength, bool decoded)
    {
        Name = name;
        _text = text;
        _chars = chars;
        Length = length;
        Depth = depth;
        _parent = parent;
        _map = map;
        _segmentStart = segmentStart;
        _segmentLength = segmentLength;
        _decoded = decoded;
    }

    /// <summary>The original text itself.</summary>
    public static TextView Raw(string text) => new("raw", text, 0, null, null, -1, 0, false);

    /// <summary>A transformed copy of the original; <paramref name="map"/>[i] is the original index of view character i.</summary>
    public static TextView Mapped(string name, string text, int[] map)
    {
        var builder = new IndexMapBuilder();
        foreach (var source in map) builder.AddLinear(source, 1);
        return new(name, text, 0, null, builder.Build(-1), -1, 0, false);
    }

    /// <summary>Text decoded from the original segment [start, start+length).</summary>
    public static TextView Decoded(string name, string text, int depth, int segmentStart, int segmentLength) =>
        new(name, text, depth, null, null, segmentStart, segmentLength, true);

    /// <summary>A transformation of <paramref name="parent"/> that keeps its name when it is a decoded payload; <paramref name="map"/> null means one for one.</summary>
    internal static TextView Derived(string name, string text, TextView parent, IndexMap? map) =>
        new(parent.IsDecoded ? parent.Name : name, text, parent.Depth, parent, map, -1, 0, parent.IsDecoded);

    /// <summary>
    /// As <see cref="Derived(string, string, TextView, IndexMap?)"/>, over the first <paramref name="length"/> characters of
    /// <paramref name="rented"/>, a buffer from <see cref="ArrayPool{T}.Shared"/> that the view now owns (see <see cref="Release"/>).
    /// </summary>
    internal static TextView Derived(string name, char[] rented, int length, TextView parent, IndexMap? map) =>
        new(parent.IsDecoded ? parent.Name : name, null, rented, length, parent.Depth, parent, map, -1, 0, parent.IsDecoded);

    /// <summary>
    /// Gives a pooled buffer back. <see cref="Text"/> stays usable if it was made before; otherwise the view is done with.
    /// Its owner (<see cref="ContentViews"/>) calls this when the field has been scanned.
    /// </summary>
    internal void Release()
    {
        var chars = _chars;
        if (chars is null) return;
        _chars = null;
        ArrayPool<char>.Shared.Return(chars);
        _map?.Release();
    }

    private static ObjectDisposedException Released() => new(nameof(TextView), "the view's buffer was released after its field was scanned.");

    /// <summary>Payloads decoded from segments of <paramref name="parent"/>; <paramref name="map"/> maps each one to its encoded segment.</summary>
    internal static TextView DecodedFrom(string chain, string text, int depth, TextView parent, IndexMap map) =>
        new(chain, text, depth, parent, map, -1, 0, true);

    public bool IsDecoded => _decoded;

    /// <summary>The span of the original text that a span of this view came from (the whole encoded segment, for decoded text).</summary>
    public (int Start, int Length) ToSource(int start, int length)
    {
        if (_segmentStart >= 0) return (_segmentStart, _segmentLength);
        var (s, l) = _map?.ToSource(start, length) ?? Clamp(start, length, Length);
        return _parent?.ToSource(s, l) ?? (s, l);
    }

    private static (int Start, int Length) Clamp(int start, int length, int textLength)
    {
        var s = Math.Clamp(start, 0, textLength);
        return (s, Math.Clamp(length, 0, textLength - s));
    }
}
