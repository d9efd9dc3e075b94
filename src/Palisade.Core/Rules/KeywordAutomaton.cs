using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Palisade.Core.Rules;

/// <summary>Receives each keyword occurrence a <see cref="KeywordAutomaton"/> finds: the keyword's value and where it lies.</summary>
internal interface IKeywordSink
{
    void Found(int value, int start, int end);
}

/// <summary>
/// A case-insensitive Aho–Corasick automaton over a set of keywords, compiled to a dense transition table:
/// one table lookup per character of text, however many keywords there are. (A vectorised multi-string
/// search is faster for a dozen keywords but falls to tens of MB/s at the hundreds the rule set has.)
/// </summary>
/// <remarks>
/// The scan is one dependent load per character, so its speed is the latency of that load: the table's hot rows
/// (the states near the root, where prose keeps the automaton) must stay in the L1 cache. Hence rows only as wide as
/// the characters the keywords use, padded to a power of two so a row's state is a shift away, and
/// <see cref="KeywordPrefilter"/> keeping keywords with non-ASCII characters in an automaton of their own, which ASCII
/// text never runs (a text character matches a keyword character only if both are ASCII or both are not, as before).
/// </remarks>
internal sealed partial class KeywordAutomaton
{
    /// <summary>Character → class, for all 65,536 chars, or only ASCII when every keyword is ASCII (the rest are class 0).</summary>
    private readonly byte[] _class;
    private readonly int _shift;

    /// <summary>
    /// Transitions, <c>row + class → next row</c>, where a row is <c>state &lt;&lt; shift</c>; a target state that ends
    /// a keyword is stored as <c>~row</c>, so the hot loop tests one sign bit to know whether to report anything.
    /// </summary>
    private readonly int[] _next;
    private readonly int[] _outputStart;
    private readonly int[] _outputValue;
    private readonly int[] _outputLength;
    private readonly int _maxLength;

    public int States => _outputStart.Length - 1;

    /// <summary>Reports to <paramref name="sink"/> every keyword occurrence in <paramref name="text"/>, left to right.</summary>
    /// <remarks>
    /// Text of a few KB and more is cut into four segments scanned in one loop, one character of each per step: four
    /// independent chains of loads run side by side where one chain would wait on each load in turn. Each segment's
    /// scan reads on into the next segment by the longest keyword's length and reports only keywords that start inside
    /// its own segment, so each occurrence is reported once; the later segments' occurrences are held back, then
    /// reported in order.
    /// </remarks>
    /// <param name="asciiText">
    /// The caller knows every character of <paramref name="text"/> is ASCII: the loops then look up each character's
    /// class without checking it against the class table's length (which is at least 128), a compare and a conditional
    /// move fewer per character in the innermost loop.
    /// </param>
    public void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink, bool asciiText = false) where TSink : struct, IKeywordSink
    {
        if (asciiText) Scan<TSink, AsciiClasses>(text, ref sink);
        else Scan<TSink, CheckedClasses>(text, ref sink);
    }

    private void Scan<TSink, TClasses>(ReadOnlySpan<char> text, ref TSink sink) where TSink : struct, IKeywordSink where TClasses : struct, IClassLookup
    {
        var segment = text.Length / 4;
        if (segment < MinSegment)
        {
            Run<TSink, TClasses>(text, 0, text.Length, text.Length, 0, ref sink);
            return;
        }
        Buffer b1 = default, b2 = default, b3 = default;
        try
        {
            var (r0, r1, r2, r3) = RunFour<TSink, TClasses>(text, segment, ref sink, ref b1, ref b2, ref b3);
            var n = text.Length;
            Run<TSink, TClasses>(text, segment, Math.Min(n, segment + _maxLength - 1), segment, r0, ref sink);
            Run<Buffer, TClasses>(text, 2 * segment, Math.Min(n, 2 * segment + _maxLength - 1), 2 * segment, r1, ref b1);
            Run<Buffer, TClasses>(text, 3 * segment, Math.Min(n, 3 * segment + _maxLength - 1), 3 * segment, r2, ref b2);
            Run<Buffer, TClasses>(text, 4 * segment, n, n, r3, ref b3);
            b1.ReplayTo(ref sink);
            b2.ReplayTo(ref sink);
            b3.ReplayTo(ref sink);
        }
        finally
        {
            b1.Dispose();
            b2.Dispose();
            b3.Dispose();
        }
    }

    /// <summary>Below this many characters per segment, one chain is as fast and simpler.</summary>
    private const int MinSegment = 512;

    /// <summary>Scans [from, to) starting in <paramref name="row"/>; reports keywords that start before <paramref name="limit"/>. Returns the row it ends in.</summary>
    /// <remarks>Precompiled (ReadyToRun), not AggressiveOptimization, which would force a jit in every hook process; tiering recompiles it where it runs hot.</remarks>
    private int Run<TSink, TClasses>(ReadOnlySpan<char> text, int from, int to, int limit, int row, ref TSink sink)
        where TSink : struct, IKeywordSink where TClasses : struct, IClassLookup
    {
        // Bounds checks are proven away by construction: every class is below 1 << shift and every row is a state << shift.
        ref var next = ref MemoryMarshal.GetArrayDataReference(_next);
        ref var classes = ref MemoryMarshal.GetArrayDataReference(_class);
        var classCount = (uint)_class.Length;
        for (var i = from; i < to; i++)
        {
            int a = TClasses.Of(ref classes, classCount, text[i]);
            var target = Unsafe.Add(ref next, (nint)(uint)(row + a));
            if (target >= 0)
            {
                row = target;
                continue;
            }
            row = ~target;
            Report(row, i + 1, limit, ref sink);
        }
        return row;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int, int, int, int) RunFour<TSink, TClasses>(ReadOnlySpan<char> text, int segment, ref TSink s0, ref Buffer s1, ref Buffer s2, ref Buffer s3)
        where TSink : struct, IKeywordSink where TClasses : struct, IClassLookup
    {
        ref var next = ref MemoryMarshal.GetArrayDataReference(_next);
        ref var classes = ref MemoryMarshal.GetArrayDataReference(_class);
        ref var t0 = ref MemoryMarshal.GetReference(text);
        ref var t1 = ref Unsafe.Add(ref t0, segment);
        ref var t2 = ref Unsafe.Add(ref t1, segment);
        ref var t3 = ref Unsafe.Add(ref t2, segment);
        var classCount = (uint)_class.Length;
        int r0 = 0, r1 = 0, r2 = 0, r3 = 0;
        for (var i = 0; i < segment; i++)
        {
            uint c0 = Unsafe.Add(ref t0, i), c1 = Unsafe.Add(ref t1, i), c2 = Unsafe.Add(ref t2, i), c3 = Unsafe.Add(ref t3, i);
            var n0 = Unsafe.Add(ref next, (nint)(uint)(r0 + TClasses.Of(ref classes, classCount, c0)));
            var n1 = Unsafe.Add(ref next, (nint)(uint)(r1 + TClasses.Of(ref classes, classCount, c1)));
            var n2 = Unsafe.Add(ref next, (nint)(uint)(r2 + TClasses.Of(ref classes, classCount, c2)));
            var n3 = Unsafe.Add(ref next, (nint)(uint)(r3 + TClasses.Of(ref classes, classCount, c3)));
            r0 = n0;
            r1 = n1;
            r2 = n2;
            r3 = n3;
            if ((n0 | n1 | n2 | n3) >= 0) continue;
            // Rare: some stream ended a keyword.
            if (n0 < 0) Report(r0 = ~n0, i + 1, int.MaxValue, ref s0);
            if (n1 < 0) Report(r1 = ~n1, segment + i + 1, int.MaxValue, ref s1);
            if (n2 < 0) Report(r2 = ~n2, 2 * segment + i + 1, int.MaxValue, ref s2);
            if (n3 < 0) Report(r3 = ~n3, 3 * segment + i + 1, int.MaxValue, ref s3);
        }
        return (r0, r1, r2, r3);
    }

    /// <summary>How a scan loop turns a text character into its class: specialised per call site, so no branch is left.</summary>
    private interface IClassLookup
    {
        static abstract int Of(ref byte classes, uint classCount, uint c);
    }

    /// <summary>Any text: characters past the table (non-ASCII, for an ASCII automaton) are class 0.</summary>
    private struct CheckedClasses : IClassLookup
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Of(ref byte classes, uint classCount, uint c) => c < classCount ? Unsafe.Add(ref classes, (nint)c) : 0;
    }

    /// <summary>Text known to be ASCII: every character is inside the table (128 or 65,536 entries).</summary>
    private struct AsciiClasses : IClassLookup
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Of(ref byte classes, uint classCount, uint c) => Unsafe.Add(ref classes, (nint)(c & 0x7F));
    }

    private void Report<TSink>(int row, int end, int limit, ref TSink sink) where TSink : struct, IKeywordSink
    {
        var state = row >> _shift;
        for (var o = _outputStart[state]; o < _outputStart[state + 1]; o++)
        {
            var start = end - _outputLength[o];
            if (start < limit) sink.Found(_outputValue[o], start, end);
        }
    }

    /// <summary>Occurrences held back until the segments before theirs have been reported.</summary>
    private struct Buffer : IKeywordSink
    {
        private int[]? _items;
        private int _count;

        public void Found(int value, int start, int end)
        {
            if (_items is null || _count + 3 > _items.Length)
            {
                var bigger = ArrayPool<int>.Shared.Rent(Math.Max(96, _count * 2));
                if (_items is not null)
                {
                    Array.Copy(_items, bigger, _count);
                    ArrayPool<int>.Shared.Return(_items);
                }
                _items = bigger;
            }
            _items[_count] = value;
            _items[_count + 1] = start;
            _items[_count + 2] = end;
            _count += 3;
        }

        public readonly void ReplayTo<TSink>(ref TSink sink) where TSink : struct, IKeywordSink
        {
            for (var i = 0; i < _count; i += 3) sink.Found(_items![i], _items[i + 1], _items[i + 2]);
        }

        public void Dispose()
        {
            if (_items is not null) ArrayPool<int>.Shared.Return(_items);
            _items = null;
        }
    }

    /// <summary>True when every character of <paramref name="keyword"/> folds to ASCII: it can occur only in ASCII text.</summary>
    public static bool IsAscii(string keyword)
    {
        foreach (var c in keyword)
            if (Fold(c) >= 128) return false;
        return true;
    }

    private static char Fold(char c) => char.ToLowerInvariant(c);

    /// <summary><see cref="Fold"/> of every char, computed once per process for the automata that read non-ASCII text.</summary>
    private static readonly Lazy<char[]> LowerCase = new(() =>
    {
        var table = new char[65536];
        for (var c = 0; c < table.Length; c++) table[c] = Fold((char)c);
        return table;
    });
}
