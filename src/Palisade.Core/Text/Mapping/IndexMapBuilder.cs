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

    public IndexMapBuilder(int capacity = 8) => _segments = new IndexMap.Segment[Math.Max(1, capacity)];

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
        if (_count == 0 && sourceLength == 0) return null;
        if (_count == 1 && _segments[0] is { Linear: true, SourceStart: 0 } only && only.SourceLength == sourceLength) return null;
        return new IndexMap(_segments.AsSpan(0, _count).ToArray(), _viewLength);
    }

    private void Push(IndexMap.Segment segment)
    {
        if (_count == _segments.Length) Array.Resize(ref _segments, _segments.Length * 2);
        _segments[_count++] = segment;
    }
}
