using System.Buffers;
using System.Numerics;

namespace Palisade.Core.Rules;

/// <summary>
/// What a <see cref="KeywordPrefilter"/> found in one text: the rules that may match it and, for each, the spans of
/// text that hold its keywords (or its long digit runs), so that its regex runs around them rather than over the whole
/// text (<see cref="MatchWindows"/>). Occurrences close together share a span; past <see cref="MaxSpans"/> spans in one
/// text, further rules run over the whole text, which is always correct, only slower.
/// </summary>
/// <remarks>Buffers are rented: dispose it (its <see cref="Scanners.FieldContext"/> does) to give them back.</remarks>
public sealed class KeywordHits : IDisposable
{
    /// <summary>Spans recorded per text before rules fall back to whole-text runs: bounds the memory adversarial text can claim.</summary>
    public const int MaxSpans = 4096;

    /// <summary>Occurrences of one rule's keywords this close together are one span: its windows would overlap anyway.</summary>
    private const int MergeGap = 64;

    /// <summary>Marks a rule that runs over the whole text in <see cref="_head"/>.</summary>
    private const int WholeText = -1;

    private readonly int _ruleCount;
    private ulong[] _bits;

    /// <summary>Rules whose spans were not recorded left to right (see <see cref="Add"/>).</summary>
    private ulong[] _unsorted;

    /// <summary>Per rule: 1 + index of its first span, 0 for none, or <see cref="WholeText"/>.</summary>
    private int[] _head;

    /// <summary>Per rule: 1 + index of its last span (valid while <see cref="_head"/> is positive).</summary>
    private int[] _tail;
    private Entry[] _spans;
    private int _spanCount;

    private struct Entry
    {
        public int Start;
        public int End;

        /// <summary>1 + index of the rule's next span, 0 for none.</summary>
        public int Next;
    }

    public KeywordHits(int ruleCount)
    {
        _ruleCount = ruleCount;
        _bits = Rent<ulong>((ruleCount + 63) / 64);
        _unsorted = Rent<ulong>((ruleCount + 63) / 64);
        _head = Rent<int>(ruleCount);
        _tail = Rent<int>(ruleCount);
        _spans = ArrayPool<Entry>.Shared.Rent(16);
    }

    private static T[] Rent<T>(int length)
    {
        var array = ArrayPool<T>.Shared.Rent(Math.Max(1, length));
        Array.Clear(array, 0, length);
        return array;
    }

    public bool Contains(int rule) => rule < _ruleCount && (_bits[rule >> 6] & (1UL << (rule & 63))) != 0;

    /// <summary>True when the rule's regex must run over the whole text: it has no keywords, or the span budget ran out.</summary>
    public bool IsWholeText(int rule) => rule < _ruleCount && _head[rule] == WholeText;

    /// <summary>How many rules may match: the number a scanner will run at most.</summary>
    public int Count
    {
        get
        {
            var n = 0;
            for (var i = 0; i < (_ruleCount + 63) / 64; i++) n += BitOperations.PopCount(_bits[i]);
            return n;
        }
    }

    /// <summary>Rule <paramref name="rule"/> may match anywhere in the text.</summary>
    internal void SetWholeText(int rule)
    {
        Mark(rule);
        _head[rule] = WholeText;
    }

    /// <summary>
    /// A keyword (or digit run) of <paramref name="rule"/> occupies [start, end). Occurrences come left to right from
    /// one automaton; a second automaton's (non-ASCII keywords) may come earlier than the last one recorded, which marks
    /// the rule's spans for sorting when they are read.
    /// </summary>
    internal void Add(int rule, int start, int end)
    {
        Mark(rule);
        var head = _head[rule];
        if (head == WholeText) return;
        if (head > 0)
        {
            ref var last = ref _spans[_tail[rule] - 1];
            if (start < last.Start) _unsorted[rule >> 6] |= 1UL << (rule & 63);
            else if (start <= last.End + MergeGap)
            {
                last.End = Math.Max(last.End, end);
                return;
            }
        }
        if (_spanCount == MaxSpans)
        {
            _head[rule] = WholeText;
            return;
        }
        if (_spanCount == _spans.Length) Grow();
        _spans[_spanCount] = new Entry { Start = start, End = end };
        _spanCount++;
        if (head > 0) _spans[_tail[rule] - 1].Next = _spanCount;
        else _head[rule] = _spanCount;
        _tail[rule] = _spanCount;
    }

    /// <summary>Forgets the rule entirely (a digit rule whose text has no long enough digit run).</summary>
    internal void Remove(int rule)
    {
        _bits[rule >> 6] &= ~(1UL << (rule & 63));
        _head[rule] = 0;
    }

    /// <summary>Forgets the rule's spans but keeps it woken, so that new spans can replace them.</summary>
    internal void ClearSpans(int rule)
    {
        if (_head[rule] != WholeText) _head[rule] = 0;
        _unsorted[rule >> 6] &= ~(1UL << (rule & 63));
    }

    private void Mark(int rule) => _bits[rule >> 6] |= 1UL << (rule & 63);

    private void Grow()
    {
        var bigger = ArrayPool<Entry>.Shared.Rent(_spans.Length * 2);
        Array.Copy(_spans, bigger, _spanCount);
        ArrayPool<Entry>.Shared.Return(_spans);
        _spans = bigger;
    }

    /// <summary>The spans of <paramref name="rule"/>'s keywords, left to right, overlaps merged (empty for whole-text rules).</summary>
    public SpanEnumerator Spans(int rule)
    {
        if (rule >= _ruleCount || _head[rule] <= 0) return default;
        if ((_unsorted[rule >> 6] & (1UL << (rule & 63))) == 0) return new(this, _head[rule], null);
        // Rare (non-ASCII keywords among ASCII ones): sort and merge a copy.
        var list = new List<(int Start, int End)>();
        for (var i = _head[rule]; i > 0; i = _spans[i - 1].Next) list.Add((_spans[i - 1].Start, _spans[i - 1].End));
        list.Sort();
        var merged = new List<(int Start, int End)> { list[0] };
        foreach (var (start, end) in list.Skip(1))
        {
            var last = merged[^1];
            if (start <= last.End + MergeGap) merged[^1] = (last.Start, Math.Max(last.End, end));
            else merged.Add((start, end));
        }
        return new(this, 0, merged);
    }

    public struct SpanEnumerator
    {
        private readonly KeywordHits? _hits;
        private readonly List<(int Start, int End)>? _sorted;
        private int _next;
        private (int Start, int End) _current;

        internal SpanEnumerator(KeywordHits hits, int head, List<(int Start, int End)>? sorted)
        {
            _hits = hits;
            _sorted = sorted;
            _next = sorted is null ? head : 0;
        }

        public readonly (int Start, int End) Current => _current;

        public readonly SpanEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_sorted is not null)
            {
                if (_next >= _sorted.Count) return false;
                _current = _sorted[_next++];
                return true;
            }
            if (_next <= 0 || _hits is null) return false;
            var e = _hits._spans[_next - 1];
            _current = (e.Start, e.End);
            _next = e.Next;
            return true;
        }
    }

    public void Dispose()
    {
        if (_head.Length == 0) return;
        ArrayPool<ulong>.Shared.Return(_bits);
        ArrayPool<ulong>.Shared.Return(_unsorted);
        ArrayPool<int>.Shared.Return(_head);
        ArrayPool<int>.Shared.Return(_tail);
        ArrayPool<Entry>.Shared.Return(_spans);
        _bits = [];
        _unsorted = [];
        _head = [];
        _tail = [];
        _spans = [];
    }
}
