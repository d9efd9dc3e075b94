using System.Buffers;

namespace Palisade.Core.Text.Mapping;

/// <summary>
/// Builds an <see cref="IndexMap"/> left to right as a view is written. Adjacent character-for-character
/// runs that are contiguous in the source coalesce into one segment.
/// </summary>
internal sealed class IndexMapBuilder
{
    private IndexMap.Segment[] _segments;
    private int _count;
    private int _viewLength;

    /// <summary>Segments are written into a pooled buffer: a long text with many edits leaves no trail of outgrown arrays.</summary>
    public IndexMapBuilder(int capacity = 8) => _segments = ArrayPool<IndexMap.Segment>.Shared.Rent(Math.Max(1, capacity));

    public int ViewLength => _viewLength;

    /// <summary>Appends <paramref name="length"/> view characters copied one for one from source [srcStart, srcStart+length).</summary>
    public void AddLinear(int srcStart, int length)
    {
        if (length <= 0) return;
        if (_count > 0)
        {
            ref var last = ref _segments[_count - 1];
            if (last.Linear && last.SourceStart + last.SourceLength == srcStart)
            {
                last = last with { SourceLength = last.SourceLength + length };
                _viewLength += length;
                return;
            }
        }
        Push(new IndexMap.Segment(_viewLength, srcStart, length, Linear: true));
        _viewLength += length;
    }

    /// <summary>Appends <paramref name="viewLength"/> view characters that together came from source [srcStart, srcStart+srcLength).</summary>
    public void AddBlock(int srcStart, int srcLength, int viewLength)
    {
        if (viewLength <= 0) return;
        if (viewLength == srcLength && viewLength == 1)
        {
            AddLinear(srcStart, 1);
            return;
        }
        Push(new IndexMap.Segment(_viewLength, srcStart, Math.Max(0, srcLength), Linear: false));
        _viewLength += viewLength;
    }

    /// <summary>The map, or null when it is the identity over a source of <paramref name="sourceLength"/> characters.</summary>
    public IndexMap? Build(int sourceLength)
    {
        var map = IsIdentity(sourceLength) ? null : new IndexMap(_segments.AsSpan(0, _count).ToArray(), _viewLength);
        ArrayPool<IndexMap.Segment>.Shared.Return(_segments);
        _segments = [];
        return map;
    }

    /// <summary>
    /// As <see cref="Build"/>, but the map keeps the pooled buffer until <see cref="IndexMap.Release"/>: for views that
    /// live only while their field is scanned (folded views).
    /// </summary>
    public IndexMap? BuildPooled(int sourceLength)
    {
        if (IsIdentity(sourceLength))
        {
            ArrayPool<IndexMap.Segment>.Shared.Return(_segments);
            _segments = [];
            return null;
        }
        var map = new IndexMap(_segments, _count, _viewLength, pooled: true);
        _segments = [];
        return map;
    }

    private bool IsIdentity(int sourceLength) =>
        (_count == 0 && sourceLength == 0) || (_count == 1 && _segments[0] is { Linear: true, SourceStart: 0 } only && only.SourceLength == sourceLength);

    private void Push(IndexMap.Segment segment)
    {
        if (_count == _segments.Length)
        {
            var bigger = ArrayPool<IndexMap.Segment>.Shared.Rent(_segments.Length * 2);
            _segments.AsSpan(0, _count).CopyTo(bigger);
            ArrayPool<IndexMap.Segment>.Shared.Return(_segments);
            _segments = bigger;
        }
        _segments[_count++] = segment;
    }
}
