namespace Palisade.Core.Rules;

/// <summary>
/// One case-insensitive pass over a text for a set of rules' keywords (a <see cref="KeywordAutomaton"/>), answering
/// which rules could match it and where their keywords are. Clean text runs no regex. Number-shaped rules use
/// <see cref="RuleDefinition.MinDigits"/> instead of (or as well as) keywords: one hop per digit run decides them.
/// </summary>
/// <remarks>
/// Keywords that hold non-ASCII characters live in a second automaton, run only over text that holds a non-ASCII
/// character: ASCII text (most of what agents send) never pays for the wide table that CJK and accented keywords need,
/// and a process that sees no such text never builds it (it cost a hook ~20 ms: docs/decisions/013-engine-cold-start.md).
/// Neither automaton is built for the first short texts (<see cref="KeywordMatcher"/>).
/// </remarks>
public sealed class KeywordPrefilter
{
    private readonly KeywordMatcher? _ascii;
    private readonly KeywordMatcher? _other;
    private readonly int[] _alwaysRun;
    private readonly (int Rule, int MinDigits, bool NeedsKeyword)[] _digitRules;
    private readonly int _maxMinDigits;
    private readonly (int Rule, int MinWords)[] _seedRules;
    private readonly int _maxSeedWords;
    private readonly int _minSeedWords;

    /// <summary>One more than the highest rule index: the size of a <see cref="RuleHits"/> or <see cref="KeywordHits"/>.</summary>
    public int RuleCount { get; }

    /// <summary>The rules this prefilter decides; others never show up in its answers.</summary>
    public IReadOnlyList<CompiledRule> Rules { get; }

    public KeywordPrefilter(IReadOnlyList<CompiledRule> rules)
    {
        Rules = rules;
        foreach (var rule in rules) RuleCount = Math.Max(RuleCount, rule.Index + 1);
        var byKeyword = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var always = new List<int>();
        var digitRules = new List<(int, int, bool)>();
        var seedRules = new List<(int, int)>();
        foreach (var rule in rules)
        {
            var def = rule.Definition;
            if (def.MinDigits > 0)
            {
                digitRules.Add((rule.Index, def.MinDigits, def.Keywords.Count > 0));
                _maxMinDigits = Math.Max(_maxMinDigits, def.MinDigits);
            }
            else if (def.MinSeedWords > 0)
            {
                seedRules.Add((rule.Index, def.MinSeedWords));
                _maxSeedWords = Math.Max(_maxSeedWords, def.MinSeedWords);
                _minSeedWords = _minSeedWords == 0 ? def.MinSeedWords : Math.Min(_minSeedWords, def.MinSeedWords);
            }
            else if (def.Keywords.Count == 0) always.Add(rule.Index);
            foreach (var k in def.Keywords)
            {
                if (k.Length == 0) continue;
                if (!byKeyword.TryGetValue(k, out var list)) byKeyword[k] = list = [];
                list.Add(rule.Index);
            }
        }
        _alwaysRun = always.ToArray();
        _digitRules = digitRules.ToArray();
        _seedRules = seedRules.ToArray();
        var (ascii, other) = SplitByAscii(byKeyword);
        _ascii = ascii.Length == 0 ? null : new KeywordMatcher(ascii);
        _other = other.Length == 0 ? null : new KeywordMatcher(other);
    }

    /// <summary>
    /// The keywords made only of ASCII characters, and the others. Plain loops and arrays: LINQ over value tuples is
    /// jitted in every hook process (docs/decisions/014-hook-install.md).
    /// </summary>
    private static ((string, int[])[] Ascii, (string, int[])[] Other) SplitByAscii(Dictionary<string, List<int>> byKeyword)
    {
        var asciiCount = 0;
        foreach (var keyword in byKeyword.Keys)
            if (KeywordAutomaton.IsAscii(keyword)) asciiCount++;
        var ascii = new (string, int[])[asciiCount];
        var other = new (string, int[])[byKeyword.Count - asciiCount];
        int a = 0, o = 0;
        foreach (var (keyword, rules) in byKeyword)
        {
            if (KeywordAutomaton.IsAscii(keyword)) ascii[a++] = (keyword, rules.ToArray());
            else other[o++] = (keyword, rules.ToArray());
        }
        return (ascii, other);
    }

    /// <summary>The automaton over the ASCII keywords (null when there are none), for measuring its scan alone.</summary>
    internal KeywordAutomaton? AsciiAutomaton => _ascii?.Automaton;

    /// <summary>Builds what is otherwise built on first need (the keyword automata), for hosts warming up off the request path.</summary>
    public void WarmUp()
    {
        _ascii?.WarmUp();
        _other?.WarmUp();
    }

    /// <summary>
    /// Rules whose keyword occurs in <paramref name="text"/>, plus rules without keywords. A rule with
    /// <see cref="RuleDefinition.MinDigits"/> also needs a long enough digit run (and its keyword, if it has any).
    /// </summary>
    public RuleHits Scan(ReadOnlySpan<char> text)
    {
        var hits = new RuleHits(RuleCount);
        foreach (var r in _alwaysRun) hits.Set(r);
        var sink = new BitSink(hits);
        var ascii = !text.ContainsAnyExceptInRange('\0', '\u007F');
        _ascii?.Scan(text, ref sink, ascii);
        if (_other is not null && !ascii) _other.Scan(text, ref sink);
        if (_digitRules.Length > 0)
        {
            var run = DigitRuns.Longest(text, _maxMinDigits);
            foreach (var (rule, minDigits, needsKeyword) in _digitRules)
            {
                if (run < minDigits) hits.Clear(rule);
                else if (!needsKeyword) hits.Set(rule);
            }
        }
        if (_seedRules.Length > 0)
        {
            var words = Validation.Bip39Wordlist.LongestRun(text, _maxSeedWords, _minSeedWords);
            foreach (var (rule, minWords) in _seedRules)
                if (words >= minWords) hits.Set(rule);
        }
        return hits;
    }

    /// <summary>
    /// As <see cref="Scan(ReadOnlySpan{char})"/>, with where each rule's keywords occur: a digit rule's spans are its
    /// long enough digit runs; rules without keywords or digits run over the whole text.
    /// </summary>
    public KeywordHits Find(ReadOnlySpan<char> text)
    {
        var hits = new KeywordHits(RuleCount);
        foreach (var r in _alwaysRun) hits.SetWholeText(r);
        var sink = new SpanSink(hits);
        var ascii = !text.ContainsAnyExceptInRange('\0', '\u007F');
        _ascii?.Scan(text, ref sink, ascii);
        if (_other is not null && !ascii) _other.Scan(text, ref sink);
        if (_digitRules.Length > 0)
        {
            var longest = DigitRuns.Longest(text, _maxMinDigits);
            foreach (var (rule, minDigits, needsKeyword) in _digitRules)
            {
                if (longest < minDigits || (needsKeyword && !hits.Contains(rule)))
                {
                    hits.Remove(rule);
                    continue;
                }
                // The number is what such a rule matches; its keyword only says the number is worth a look.
                hits.ClearSpans(rule);
                foreach (var (start, end, digits) in DigitRuns.Find(text))
                    if (digits >= minDigits) hits.Add(rule, start, end);
            }
        }
        if (_seedRules.Length > 0)
        {
            var words = Validation.Bip39Wordlist.LongestRun(text, _maxSeedWords, _minSeedWords);
            foreach (var (rule, minWords) in _seedRules)
                if (words >= minWords) hits.SetWholeText(rule);
        }
        return hits;
    }

    private readonly struct BitSink(RuleHits hits) : IKeywordSink
    {
        public void Found(int value, int start, int end) => hits.Set(value);
    }

    private readonly struct SpanSink(KeywordHits hits) : IKeywordSink
    {
        public void Found(int value, int start, int end) => hits.Add(value, start, end);
    }
}

/// <summary>A set of rule indices, one bit each.</summary>
public readonly struct RuleHits(int count)
{
    private readonly ulong[] _bits = new ulong[(count + 63) / 64];

    public void Set(int index) => _bits[index >> 6] |= 1UL << (index & 63);
    public void Clear(int index) => _bits[index >> 6] &= ~(1UL << (index & 63));
    public bool Contains(int index) => index >> 6 < _bits.Length && (_bits[index >> 6] & (1UL << (index & 63))) != 0;
    public bool Any => _bits.Any(b => b != 0);
}
