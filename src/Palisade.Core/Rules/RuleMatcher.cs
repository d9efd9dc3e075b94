using System.Text.RegularExpressions;
using Palisade.Core.Text;

namespace Palisade.Core.Rules;

/// <summary>
/// Runs one rule over one text: regex, then the rule's allow patterns, validator and entropy floor,
/// then the policy's allowed values. The only place rule regexes are executed.
/// </summary>
public static class RuleMatcher
{
    /// <summary>Stop after this many accepted matches of one rule in one text: enough to decide, bounded work.</summary>
    public const int MaxMatchesPerRule = 32;

    /// <summary>
    /// Stop after this many regex matches of one rule in one text, accepted or not. Rejected candidates (placeholders,
    /// failed checksums) do not use up <see cref="MaxMatchesPerRule"/>, so decoys placed before a real secret cannot
    /// hide it; this larger bound keeps the work per text bounded all the same.
    /// </summary>
    public const int MaxCandidatesPerRule = 4096;

    /// <summary>Runs the rule over the whole of <paramref name="text"/>.</summary>
    /// <exception cref="RegexMatchTimeoutException">a backtracking rule ran out of time; callers fail closed.</exception>
    /// <param name="placeholders">Whether placeholder and published test values are dropped (everywhere) or kept (at the network boundary).</param>
    public static void Run(CompiledRule rule, string text, ISet<string> allowedValues, List<RuleMatch> into, int maxMatches = MaxMatchesPerRule,
        Placeholders placeholders = Placeholders.Drop)
    {
        var counts = new Counts(maxMatches, placeholders);
        RunRange(rule, text, 0, text.Length, 0, text.Length, allowedValues, into, ref counts);
    }

    /// <summary>
    /// Runs the rule only around its keywords in <paramref name="view"/>, as <paramref name="hits"/> recorded them: one
    /// window (<see cref="MatchWindows"/>) per keyword span, merged where they meet; the whole text when the rule has no
    /// keywords or <paramref name="hits"/> ran out of room, or when a match touches a window's edge. A view that has no
    /// string yet (a folded view) is matched window by window on copies of the windows, so it never needs one.
    /// </summary>
    /// <param name="reach">The rule's <see cref="RuleDefinition.Window"/>, or its scanner's default.</param>
    /// <exception cref="RegexMatchTimeoutException">a backtracking rule ran out of time; callers fail closed.</exception>
    public static void Run(CompiledRule rule, TextView view, KeywordHits hits, int reach, ISet<string> allowedValues, List<RuleMatch> into, int maxMatches = MaxMatchesPerRule,
        Placeholders placeholders = Placeholders.Drop)
    {
        if (hits.IsWholeText(rule.Index))
        {
            Run(rule, view.Text, allowedValues, into, maxMatches, placeholders);
            return;
        }
        var first = into.Count;
        var counts = new Counts(maxMatches, placeholders);
        int start = 0, end = -1;
        foreach (var (s, e) in hits.Spans(rule.Index))
        {
            // A keyword inside the open window only stretches it: its own window starts no later than that window ends.
            if (end >= 0 && s <= end)
            {
                end = Math.Max(end, MatchWindows.End(view.Chars, e, reach));
                continue;
            }
            var windowStart = MatchWindows.Start(view.Chars, s, reach);
            if (end >= 0 && windowStart <= end)
            {
                end = Math.Max(end, MatchWindows.End(view.Chars, e, reach));
                continue;
            }
            if (end >= 0)
            {
                var outcome = RunWindow(rule, view, start, end, allowedValues, into, ref counts);
                if (outcome == Outcome.TouchedEdge) break;
                if (outcome == Outcome.Enough) return;
            }
            start = windowStart;
            end = MatchWindows.End(view.Chars, e, reach);
        }
        if (end < 0 || (counts.Outcome != Outcome.TouchedEdge && RunWindow(rule, view, start, end, allowedValues, into, ref counts) != Outcome.TouchedEdge))
            return;
        // The cut may have made or broken this match: decide on the whole text, as if there were no windows.
        into.RemoveRange(first, into.Count - first);
        Run(rule, view.Text, allowedValues, into, maxMatches, placeholders);
    }

    private enum Outcome { Done, Enough, TouchedEdge }

    private struct Counts(int maxAccepted, Placeholders placeholders)
    {
        public readonly Placeholders Placeholders = placeholders;
        public int Accepted;
        public int Candidates;

        /// <summary>
        /// Characters this rule has been run over in this text so far. The engine is chosen by this total, not by the
        /// window: a long text cut into many short windows costs the backtracking engine as much as the whole text
        /// would (see <see cref="CompiledRule.BacktrackingMaxInput"/>).
        /// </summary>
        public int Covered;
        public readonly int MaxAccepted = maxAccepted;
        public Outcome Outcome;
    }

    private static Outcome RunWindow(CompiledRule rule, TextView view, int start, int end, ISet<string> allowedValues, List<RuleMatch> into, ref Counts counts)
    {
        if (view.HasText || (start == 0 && end == view.Length))
            return RunRange(rule, view.Text, start, end - start, 0, view.Length, allowedValues, into, ref counts);
        _ = rule.Regex; // built on first use; only then is it known whether the rule has a value group
        return rule.ValueIsWholeMatch
            ? RunSpan(rule, view.Chars[start..end], start, view.Length, allowedValues, into, ref counts)
            : RunRange(rule, new string(view.Chars[start..end]), 0, end - start, start, view.Length, allowedValues, into, ref counts);
    }

    /// <summary>
    /// As <see cref="RunRange"/> over a window of a view that has no string (a folded view, in a pooled buffer), for a
    /// rule whose value is its whole match: the regex reads the buffer in place, where a copy of each window used to be
    /// made (most of what a clean field allocated: ~8 KB per 10 KB of prose, ~800 KB per MB). Same matches: the window
    /// is the whole input either way, so anchors and <c>\b</c> read its edges alike.
    /// </summary>
    private static Outcome RunSpan(CompiledRule rule, ReadOnlySpan<char> input, int offset, int textLength,
        ISet<string> allowedValues, List<RuleMatch> into, ref Counts counts)
    {
        var start = offset;
        var end = start + input.Length;
        counts.Covered += input.Length;
        foreach (var match in rule.RegexFor(counts.Covered).EnumerateMatches(input))
        {
            var at = match.Index + offset;
            if ((at == start && start > 0) || (at + match.Length >= end - 1 && end < textLength))
                return counts.Outcome = Outcome.TouchedEdge;
            if (++counts.Candidates > MaxCandidatesPerRule) return counts.Outcome = Outcome.Enough;
            if (match.Length == 0) continue;
            var value = input.Slice(match.Index, match.Length).ToString();
            if (!Accepts(rule, value, allowedValues, counts.Placeholders)) continue;
            into.Add(new RuleMatch(rule, at, match.Length, value));
            if (++counts.Accepted >= counts.MaxAccepted) return counts.Outcome = Outcome.Enough;
        }
        return counts.Outcome = Outcome.Done;
    }

    /// <summary>
    /// Matches over input[from, from + length), which stands at <paramref name="offset"/> in a text of
    /// <paramref name="textLength"/> characters; positions are reported in that text.
    /// </summary>
    private static Outcome RunRange(CompiledRule rule, string input, int from, int length, int offset, int textLength,
        ISet<string> allowedValues, List<RuleMatch> into, ref Counts counts)
    {
        var start = from + offset;
        var end = start + length;
        counts.Covered += length;
        for (var match = rule.RegexFor(counts.Covered).Match(input, from, length); match.Success; match = match.NextMatch())
        {
            var at = match.Index + offset;
            if ((at == start && start > 0) || (at + match.Length >= end - 1 && end < textLength))
                return counts.Outcome = Outcome.TouchedEdge;
            if (++counts.Candidates > MaxCandidatesPerRule) return counts.Outcome = Outcome.Enough;
            var group = rule.ValueGroup(match);
            if (!group.Success || group.Length == 0) continue;
            var value = group.Value;
            if (!Accepts(rule, value, allowedValues, counts.Placeholders)) continue;
            into.Add(new RuleMatch(rule, group.Index + offset, group.Length, value));
            if (++counts.Accepted >= counts.MaxAccepted) return counts.Outcome = Outcome.Enough;
        }
        return counts.Outcome = Outcome.Done;
    }

    /// <summary>
    /// Whether <paramref name="value"/> passes the rule's checks. With <see cref="Placeholders.Keep"/> the two checks that
    /// say "a sample, not a secret" — the rule's <c>test_values</c> and the <c>not-placeholder</c> validator — are skipped,
    /// except that a masked value (x-ed out) still carries nothing and is still dropped, and a rule's lower
    /// <c>boundary_entropy</c> floor replaces its <c>entropy</c> floor; checksums, allow patterns and the configured allowed
    /// values apply as always (docs/decisions/012).
    /// </summary>
    public static bool Accepts(CompiledRule rule, string value, ISet<string> allowedValues, Placeholders placeholders = Placeholders.Drop)
    {
        if (allowedValues.Contains(value)) return false;
        var keep = placeholders == Placeholders.Keep;
        if (!keep && rule.TestValues.Count > 0 && rule.TestValues.Contains(CompiledRule.StripSeparators(value))) return false;
        foreach (var allow in rule.AllowPatterns)
            if (allow.IsMatch(value)) return false;
        if (keep && rule.Validator is Validation.NotPlaceholderValidator)
        {
            if (Validation.NotPlaceholderValidator.IsMasked(value)) return false;
        }
        else if (rule.Validator is not null && !rule.Validator.IsValid(value)) return false;
        var floor = keep ? rule.Definition.BoundaryEntropy ?? rule.Definition.MinEntropy : rule.Definition.MinEntropy;
        if (floor is { } bits && Entropy.Shannon(value) < bits) return false;
        return true;
    }
}
