using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Palisade.Core.Rules;

/// <summary>Building the automaton: the trie laid out directly in the dense transition table, then the failure links.</summary>
internal sealed partial class KeywordAutomaton
{
    /// <param name="keywords">Each keyword with the values (rule indices) it stands for.</param>
    /// <remarks>
    /// Built at startup, in one-shot processes too, over tens of thousands of states. Plain arrays only: a hook process
    /// runs this once, as ReadyToRun code, and generic collections over value types (<c>Dictionary&lt;long, int&gt;</c>)
    /// are not precompiled across assemblies, so they would be jitted and then run as unoptimised tier-0 code in the
    /// innermost loops (docs/decisions/013-engine-cold-start.md).
    /// </remarks>
    public KeywordAutomaton(IReadOnlyList<(string Keyword, int[] Values)> keywords)
    {
        // Character classes: 0 is "in no keyword"; every other class is one case-folded character, numbered in order of appearance.
        var byFolded = new byte[65536];
        var classes = 1;
        var ascii = true;
        var maxLength = 0;
        for (var k = 0; k < keywords.Count; k++)
        {
            var keyword = keywords[k].Keyword;
            ascii &= IsAscii(keyword);
            maxLength = Math.Max(maxLength, keyword.Length);
            foreach (var c in keyword)
            {
                var f = Fold(c);
                if (byFolded[f] != 0) continue;
                if (classes >= 255) throw new InvalidOperationException("keywords use more than 254 distinct characters.");
                byFolded[f] = (byte)classes++;
            }
        }
        _shift = 1;
        while (1 << _shift < classes) _shift++;
        _class = new byte[ascii ? 128 : 65536];
        var lower = LowerCase.Value;
        for (var c = 0; c < _class.Length; c++)
        {
            // A non-ASCII character whose lower case is ASCII (the Kelvin sign) stays class 0: ASCII keywords match ASCII text only.
            var f = lower[c];
            if ((c < 128) == (f < 128)) _class[c] = byFolded[f];
        }

        // The trie in the dense table itself (row = state << shift, 0 = no edge; grown by doubling, trimmed after);
        // then failure links breadth-first, every missing edge becoming the failure state's edge. Outputs are
        // (value, keyword length) lists per state, kept only for the states that end a keyword; a value reached by
        // several keywords ending at one state keeps the longest.
        var edges = new int[64 << _shift];
        var outputs = new Outputs(64);
        var states = 1;
        for (var k = 0; k < keywords.Count; k++)
        {
            var (keyword, vals) = keywords[k];
            var state = 0;
            foreach (var c in keyword)
            {
                var slot = (state << _shift) + byFolded[Fold(c)];
                if (edges[slot] == 0)
                {
                    if ((states + 1) << _shift > edges.Length) edges = Grow(edges, edges.Length * 2);
                    edges[slot] = states++;
                }
                state = edges[slot];
            }
            outputs.MarkEnd(state);
            foreach (var v in vals) outputs.Add(state, v, keyword.Length);
        }
        edges = Grow(edges, states << _shift);
        var fail = new int[states];
        var queue = new int[states];
        int head = 0, tail = 0;
        for (var a = 1; a < classes; a++)
            if (edges[a] != 0) queue[tail++] = edges[a];
        while (head < tail)
        {
            var s = queue[head++];
            if (outputs.IsEnd(fail[s]))
            {
                outputs.MarkEnd(s);
                for (var e = outputs.First(fail[s]); e >= 0; e = outputs.Next(e)) outputs.Add(s, outputs.Value(e), outputs.Length(e));
            }
            var row = s << _shift;
            var failRow = fail[s] << _shift;
            for (var a = 1; a < classes; a++)
            {
                var t = edges[row + a];
                if (t != 0)
                {
                    fail[t] = edges[failRow + a];
                    queue[tail++] = t;
                }
                else edges[row + a] = edges[failRow + a];
            }
        }

        for (var i = 0; i < edges.Length; i++)
        {
            var t = edges[i];
            edges[i] = outputs.IsEnd(t) ? ~(t << _shift) : t << _shift;
        }
        _next = edges;
        _outputStart = new int[states + 1];
        var count = 0;
        for (var s = 0; s < states; s++)
            for (var e = outputs.First(s); e >= 0; e = outputs.Next(e)) count++;
        _outputValue = new int[count];
        _outputLength = new int[count];
        count = 0;
        for (var s = 0; s < states; s++)
        {
            _outputStart[s] = count;
            var from = count;
            for (var e = outputs.First(s); e >= 0; e = outputs.Next(e))
            {
                // Insertion sort by value: a state's outputs are few.
                var v = outputs.Value(e);
                var length = outputs.Length(e);
                var j = count++;
                while (j > from && _outputValue[j - 1] > v)
                {
                    _outputValue[j] = _outputValue[j - 1];
                    _outputLength[j] = _outputLength[j - 1];
                    j--;
                }
                _outputValue[j] = v;
                _outputLength[j] = length;
            }
        }
        _outputStart[states] = count;
        _maxLength = keywords.Count == 0 ? 1 : maxLength;
    }

    private static int[] Grow(int[] array, int length)
    {
        var grown = new int[length];
        Array.Copy(array, grown, Math.Min(array.Length, length));
        return grown;
    }

    /// <summary>Per-state lists of (value, longest keyword length), as linked entries in arrays.</summary>
    private sealed class Outputs(int capacity)
    {
        private int[] _first = Filled(capacity);
        private bool[] _end = new bool[capacity];
        private int[] _value = new int[capacity];
        private int[] _length = new int[capacity];
        private int[] _next = new int[capacity];
        private int _count;

        public bool IsEnd(int state) => state < _end.Length && _end[state];
        public int First(int state) => state < _first.Length ? _first[state] : -1;
        public int Next(int entry) => _next[entry];
        public int Value(int entry) => _value[entry];
        public int Length(int entry) => _length[entry];

        public void MarkEnd(int state)
        {
            EnsureState(state);
            _end[state] = true;
        }

        public void Add(int state, int value, int length)
        {
            EnsureState(state);
            for (var e = _first[state]; e >= 0; e = _next[e])
                if (_value[e] == value)
                {
                    _length[e] = Math.Max(_length[e], length);
                    return;
                }
            if (_count == _value.Length)
            {
                _value = Grow(_value, _count * 2);
                _length = Grow(_length, _count * 2);
                _next = Grow(_next, _count * 2);
            }
            _value[_count] = value;
            _length[_count] = length;
            _next[_count] = _first[state];
            _first[state] = _count++;
        }

        private void EnsureState(int state)
        {
            if (state < _first.Length) return;
            var size = Math.Max(state + 1, _first.Length * 2);
            var first = Filled(size);
            Array.Copy(_first, first, _first.Length);
            _first = first;
            var end = new bool[size];
            Array.Copy(_end, end, _end.Length);
            _end = end;
        }

        private static int[] Filled(int length)
        {
            var a = new int[length];
            for (var i = 0; i < a.Length; i++) a[i] = -1;
            return a;
        }
    }
}
