using System.Collections.Frozen;

namespace Palisade.Core.Rules;

/// <summary>
/// A case-insensitive Aho–Corasick automaton over a set of keywords, compiled to a dense transition table:
/// one table lookup per character of text, however many keywords there are. (A vectorised multi-string
/// search is faster for a dozen keywords but falls to tens of MB/s at the hundreds the rule set has.)
/// </summary>
internal sealed class KeywordAutomaton
{
    private readonly byte[] _asciiClass = new byte[128];
    private readonly FrozenDictionary<char, int> _otherClass;
    private readonly int _classes;

    /// <summary>
    /// Transitions, <c>row + class → next row</c>, where a row is <c>state × classes</c>; a target state that ends
    /// a keyword is stored as <c>~row</c>, so the hot loop tests one sign bit to know whether to report anything.
    /// </summary>
    private readonly int[] _next;
    private readonly int[] _outputStart;
    private readonly int[] _outputs;

    /// <param name="keywords">Each keyword with the values (rule indices) it stands for.</param>
    public KeywordAutomaton(IReadOnlyList<(string Keyword, int[] Values)> keywords)
    {
        // Character classes: 0 is "in no keyword"; every other class is one case-folded character.
        var classes = 1;
        var other = new Dictionary<char, int>();
        foreach (var (keyword, _) in keywords)
            foreach (var c in keyword)
            {
                var f = Fold(c);
                if (f < 128) { if (_asciiClass[f] == 0) _asciiClass[f] = (byte)classes++; }
                else if (!other.ContainsKey(f)) other[f] = classes++;
            }
        _otherClass = other.ToFrozenDictionary();
        if (classes > 255) throw new InvalidOperationException("keywords use more than 254 distinct characters.");
        for (var c = 'A'; c <= 'Z'; c++) _asciiClass[c] = _asciiClass[char.ToLowerInvariant(c)];
        _classes = classes;

        // The trie, then failure links breadth-first; every missing edge becomes the failure state's edge.
        var edges = new List<int[]> { new int[classes] };
        var values = new List<HashSet<int>> { new() };
        foreach (var (keyword, vals) in keywords)
        {
            var state = 0;
            foreach (var c in keyword)
            {
                var a = ClassOf(c);
                if (edges[state][a] == 0)
                {
                    edges[state][a] = edges.Count;
                    edges.Add(new int[classes]);
                    values.Add([]);
                }
                state = edges[state][a];
            }
            values[state].UnionWith(vals);
        }
        var fail = new int[edges.Count];
        var queue = new Queue<int>();
        for (var a = 1; a < classes; a++)
            if (edges[0][a] != 0) queue.Enqueue(edges[0][a]);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            values[s].UnionWith(values[fail[s]]);
            for (var a = 1; a < classes; a++)
            {
                var t = edges[s][a];
                if (t != 0)
                {
                    fail[t] = edges[fail[s]][a];
                    queue.Enqueue(t);
                }
                else edges[s][a] = edges[fail[s]][a];
            }
        }

        _next = new int[edges.Count * classes];
        for (var s = 0; s < edges.Count; s++)
            for (var a = 0; a < classes; a++)
            {
                var t = edges[s][a];
                _next[s * classes + a] = values[t].Count > 0 ? ~(t * classes) : t * classes;
            }
        _outputStart = new int[edges.Count + 1];
        var flat = new List<int>();
        for (var s = 0; s < edges.Count; s++)
        {
            _outputStart[s] = flat.Count;
            flat.AddRange(values[s].Order());
        }
        _outputStart[edges.Count] = flat.Count;
        _outputs = flat.ToArray();
    }

    /// <summary>Marks in <paramref name="hits"/> the values of every keyword that occurs in <paramref name="text"/>.</summary>
    public void Scan(ReadOnlySpan<char> text, RuleHits hits)
    {
        ReadOnlySpan<int> next = _next;
        ReadOnlySpan<byte> ascii = _asciiClass;
        var row = 0;
        foreach (var c in text)
        {
            int a = c < 128 ? ascii[c] : OtherClass(c);
            var target = next[row + a];
            if (target >= 0)
            {
                row = target;
                continue;
            }
            row = ~target;
            var state = row / _classes;
            for (var i = _outputStart[state]; i < _outputStart[state + 1]; i++) hits.Set(_outputs[i]);
        }
    }

    private int OtherClass(char c) => _otherClass.Count == 0 ? 0 : _otherClass.GetValueOrDefault(Fold(c));

    private int ClassOf(char c)
    {
        var f = Fold(c);
        return f < 128 ? _asciiClass[f] : _otherClass[f];
    }

    private static char Fold(char c) => char.ToLowerInvariant(c);
}
