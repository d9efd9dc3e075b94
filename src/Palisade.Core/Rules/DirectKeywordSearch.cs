using System.Buffers;

namespace Palisade.Core.Rules;

/// <summary>
/// The occurrences a <see cref="KeywordAutomaton"/> over the same keywords would report, found by looking each keyword
/// up in the text: for short texts, in processes that see few of them (a hook judges a few hundred characters), this is
/// far cheaper than building the automaton, whose tables run to tens of thousands of states for the rules' keywords.
/// </summary>
/// <remarks>
/// Same answers, same order: case-insensitive as the automaton folds (a text character matches a keyword character when
/// both lower-case to the same character and both or neither are ASCII); for each end position, left to right, each
/// value once, in ascending order, with the longest of its keywords that ends there.
/// </remarks>
internal sealed class DirectKeywordSearch
{
    private readonly string[] _keywords;
    private readonly int[][] _values;

    /// <summary>Keywords whose folded form holds <c>'\0'</c>: the mark this search uses for text characters no keyword can match.</summary>
    public bool Supported { get; }

    public DirectKeywordSearch((string Keyword, int[] Values)[] keywords)
    {
        _keywords = new string[keywords.Length];
        _values = new int[keywords.Length][];
        Supported = true;
        for (var k = 0; k < keywords.Length; k++)
        {
            var folded = string.Create(keywords[k].Keyword.Length, keywords[k].Keyword, static (span, keyword) =>
            {
                for (var i = 0; i < span.Length; i++) span[i] = Fold(keyword[i]);
            });
            Supported &= !folded.Contains('\0');
            _keywords[k] = folded;
            _values[k] = keywords[k].Values;
        }
    }

    /// <summary>As <see cref="KeywordAutomaton"/> folds (the tests hold the two to the same answers).</summary>
    private static char Fold(char c) => char.ToLowerInvariant(c);

    public void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink) where TSink : struct, IKeywordSink
    {
        if (text.Length == 0) return;
        var folded = ArrayPool<char>.Shared.Rent(text.Length);
        var hits = new Hits(text.Length);
        try
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var f = Fold(c);
                // The automaton's rule: a non-ASCII character that lower-cases to ASCII (the Kelvin sign) matches nothing.
                folded[i] = (c < 128) == (f < 128) ? f : '\0';
            }
            var view = folded.AsSpan(0, text.Length);
            for (var k = 0; k < _keywords.Length; k++)
            {
                var keyword = _keywords[k];
                if (keyword.Length == 0) continue;
                for (var at = 0; at <= view.Length - keyword.Length;)
                {
                    var i = view[at..].IndexOf(keyword);
                    if (i < 0) break;
                    foreach (var v in _values[k]) hits.Add(at + i + keyword.Length, v, keyword.Length);
                    at += i + 1;
                }
            }
            hits.ReportTo(ref sink);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(folded);
            hits.Dispose();
        }
    }

    /// <summary>(value, longest length) per end position, as linked entries in rented arrays.</summary>
    private struct Hits(int textLength) : IDisposable
    {
        private readonly int[] _head = Filled(ArrayPool<int>.Shared.Rent(textLength + 1), textLength + 1);
        private int[] _value = ArrayPool<int>.Shared.Rent(16);
        private int[] _length = ArrayPool<int>.Shared.Rent(16);
        private int[] _next = ArrayPool<int>.Shared.Rent(16);
        private int _count;
        private readonly int _ends = textLength + 1;

        public void Add(int end, int value, int length)
        {
            for (var e = _head[end]; e >= 0; e = _next[e])
                if (_value[e] == value)
                {
                    _length[e] = Math.Max(_length[e], length);
                    return;
                }
            if (_count == _value.Length)
            {
                _value = Grow(_value);
                _length = Grow(_length);
                _next = Grow(_next);
            }
            _value[_count] = value;
            _length[_count] = length;
            _next[_count] = _head[end];
            _head[end] = _count++;
        }

        public readonly void ReportTo<TSink>(ref TSink sink) where TSink : struct, IKeywordSink
        {
            for (var end = 1; end < _ends; end++)
            {
                // Values in ascending order: pick the smallest not yet reported, as the chains at one end are short.
                var last = int.MinValue;
                while (true)
                {
                    int best = -1;
                    for (var e = _head[end]; e >= 0; e = _next[e])
                        if (_value[e] > last && (best < 0 || _value[e] < _value[best])) best = e;
                    if (best < 0) break;
                    last = _value[best];
                    sink.Found(last, end - _length[best], end);
                }
            }
        }

        public readonly void Dispose()
        {
            ArrayPool<int>.Shared.Return(_head);
            ArrayPool<int>.Shared.Return(_value);
            ArrayPool<int>.Shared.Return(_length);
            ArrayPool<int>.Shared.Return(_next);
        }

        private static int[] Filled(int[] array, int length)
        {
            Array.Fill(array, -1, 0, length);
            return array;
        }

        private static int[] Grow(int[] array)
        {
            var grown = ArrayPool<int>.Shared.Rent(array.Length * 2);
            Array.Copy(array, grown, array.Length);
            ArrayPool<int>.Shared.Return(array);
            return grown;
        }
    }
}
