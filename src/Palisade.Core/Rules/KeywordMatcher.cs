namespace Palisade.Core.Rules;

/// <summary>
/// One set of keywords, answered by a <see cref="DirectKeywordSearch"/> until it pays to build the
/// <see cref="KeywordAutomaton"/>: a text longer than <see cref="MaxDirectText"/>, more than
/// <see cref="DirectBudget"/> characters searched directly in all, or <see cref="WarmUp"/>. Both give the same answers.
/// </summary>
/// <remarks>
/// A hook process judges a few hundred characters and exits: building the content automata (tens of thousands of states
/// for the injection phrases) cost it ~30 ms of CPU, looking its few thousand keywords up in a 200-character text
/// takes ~0.2 ms (docs/decisions/014-hook-install.md). A long-running host spends the budget in its first requests, or builds the
/// automata when it warms up (<see cref="RuleSet.UpgradeToLinearTime"/>), and scans with them from then on.
/// </remarks>
internal sealed class KeywordMatcher
{
    /// <summary>Longer texts always use the automaton: a direct search costs a keyword lookup per keyword, whatever the text.</summary>
    public const int MaxDirectText = 4096;

    /// <summary>Characters searched directly before the automaton is built: roughly what its build costs, in direct lookups.</summary>
    public const long DirectBudget = 32 * 1024;

    private readonly Lazy<KeywordAutomaton> _automaton;
    private readonly Lazy<DirectKeywordSearch> _direct;
    private long _searched;

    public KeywordMatcher((string Keyword, int[] Values)[] keywords)
    {
        _automaton = new Lazy<KeywordAutomaton>(() => new KeywordAutomaton(keywords));
        _direct = new Lazy<DirectKeywordSearch>(() => new DirectKeywordSearch(keywords));
    }

    /// <summary>Reports every keyword occurrence; <paramref name="asciiText"/> says the caller checked that the text is ASCII.</summary>
    public void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink, bool asciiText = false) where TSink : struct, IKeywordSink
    {
        if (!_automaton.IsValueCreated && text.Length <= MaxDirectText && _direct.Value.Supported
            && Interlocked.Add(ref _searched, text.Length) <= DirectBudget)
        {
            _direct.Value.Scan(text, ref sink);
            return;
        }
        _automaton.Value.Scan(text, ref sink, asciiText);
    }

    /// <summary>Builds the automaton now (hosts, off the request path).</summary>
    public void WarmUp() => _ = _automaton.Value;

    /// <summary>The automaton itself (built if it was not), for measuring its scan alone.</summary>
    internal KeywordAutomaton Automaton => _automaton.Value;
}
