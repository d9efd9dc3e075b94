using System.Buffers;

namespace Palisade.Core.Text.Mapping;

/// <summary>
/// Maps a view's character indices to the indices of the text it was made from. Piecewise: a segment is
/// either a run copied character for character, or a block where a group of view characters came from a
/// group of source characters as a whole (a collapsed whitespace run, an NFKC expansion or composition,
/// a decoded payload). Lookups are a binary search over segments, so clean text with few edits stays small.
/// </summary>
internal sealed class IndexMap
{
    private Segment[] _segments;
    private readonly int _count;

    /// <summary>True when <see cref="_segments"/> is a pooled buffer this map gives back on <see cref="Release"/>.</summary>
    private readonly bool _pooled;

    /// <summary>Length of the view this map belongs to.</summary>
    public int ViewLength { get; }

    internal IndexMap(Segment[] segments, int viewLength) : this(segments, segments.Length, viewLength, pooled: false)
    {
    }

    internal IndexMap(Segment[] segments, int count, int viewLength, bool pooled)
    {
        _segments = segments;
        _count = count;
        _pooled = pooled;
        ViewLength = viewLength;
    }

    public int SegmentCount => _count;

    /// <summary>Gives a pooled segment buffer back; the map is not used after that (its view was released).</summary>
    public void Release()
    {
        if (!_pooled || _segments.Length == 0) return;
        ArrayPool<Segment>.Shared.Return(_segments);
        _segments = [];
    }

    /// <summary>The source span that view span [start, start+length) came from; an empty span maps to a point.</summary>
    public (int Start, int Length) ToSource(int start, int length)
    {
        if (_count == 0) return (0, 0);
        start = Math.Clamp(start, 0, ViewLength);
        var end = Math.Clamp(start + Math.Max(length, 0), start, ViewLength);
        if (end == start) return (PointToSource(start), 0);
        var first = _segments[Find(start)];
        var last = _segments[Find(end - 1)];
        var s = first.Linear ? first.SourceStart + (start - first.ViewStart) : first.SourceStart;
        var e = last.Linear ? last.SourceStart + (end - last.ViewStart) : last.SourceStart + last.SourceLength;
        return (s, Math.Max(0, e - s));
    }

    private int PointToSource(int index)
    {
        if (index >= ViewLength)
        {
            var tail = _segments[_count - 1];
            return tail.SourceStart + tail.SourceLength;
        }
        var seg = _segments[Find(index)];
        return seg.Linear ? seg.SourceStart + (index - seg.ViewStart) : seg.SourceStart;
    }

    /// <summary>Index of the last segment whose view start is at or before <paramref name="index"/>, skipping empty ones.</summary>
    private int Find(int index)
    {
        int lo = 0, hi = _count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (_segments[mid].ViewStart <= index) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    internal readonly record struct Segment(int ViewStart, int SourceStart, int SourceLength, bool Linear);
}
