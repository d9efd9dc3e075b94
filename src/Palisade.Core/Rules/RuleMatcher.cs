using System.Text.RegularExpressions;

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
    public static void Run(CompiledRule rule, string text, ISet<string> allowedValues, List<RuleMatch> into, int maxMatches = MaxMatchesPerRule)
    {
        var counts = new Counts(maxMatches);
        RunRange(rule, text, 0, text.Length, allowedValues, into, ref counts);
    }

    /// <summary>
    /// Runs the rule only around its keywords in <paramref name="text"/>, as <paramref name="hits"/> recorded them: one
    /// window (<see cref="MatchWindows"/>) per keyword span, merged where they meet; the whole text when the rule has no
    /// keywords or <paramref name="hits"/> ran out of room, or when a match touches a window's edge.
    /// </summary>
    /// <param name="reach">The rule's <see cref="RuleDefinition.Window"/>, or its scanner's default.</param>
    /// <exception cref="RegexMatchTimeoutException">a backtracking rule ran out of time; callers fail closed.</exception>
    public static void Run(CompiledRule rule, string text, KeywordHits hits, int reach, ISet<string> allowedValues, List<RuleMatch> into, int maxMatches = MaxMatchesPerRule)
    {
        if (hits.IsWholeText(rule.Index))
        {
            Run(rule, text, allowedValues, into, maxMatches);
            return;
        }
        var first = into.Count;
        var counts = new Counts(maxMatches);
        int start = 0, end = -1;
        foreach (var (s, e) in hits.Spans(rule.Index))
        {
            // A keyword inside the open window only stretches it: its own window starts no later than that window ends.
            if (end >= 0 && s <= end)
            {
                end = Math.Max(end, MatchWindows.End(text, e, reach));
                continue;
            }
            var windowStart = MatchWindows.Start(text, s, reach);
            if (end >= 0 && windowStart <= end)
            {
                end = Math.Max(end, MatchWindows.End(text, e, reach));
                continue;
            }
            if (end >= 0)
            {
                var outcome = RunRange(rule, text, start, end - start, allowedValues, into, ref counts);
                if (outcome == Outcome.TouchedEdge) break;
                if (outcome == Outcome.Enough) return;
            }
            start = windowStart;
            end = MatchWindows.End(text, e, reach);
        }
        if (end < 0 || (counts.Outcome != Outcome.TouchedEdge && RunRange(rule, text, start, end - start, allowedValues, into, ref counts) != Outcome.TouchedEdge))
            return;
        // The cut may have made or broken this match: decide on the whole text, as if there were no windows.
        into.RemoveRange(first, into.Count - first);
        Run(rule, text, allowedValues, into, maxMatches);
    }

    private enum Outcome { Done, Enough, TouchedEdge }

    private struct Counts(int maxAccepted)
    {
        public int Accepted;
        public int Candidates;
        public readonly int MaxAccepted = maxAccepted;
        public Outcome Outcome;
    }

    private static Outcome RunRange(CompiledRule rule, string text, int start, int length, ISet<string> allowedValues, List<RuleMatch> into, ref Counts counts)
    {
        var end = start + length;
        for (var match = rule.RegexFor(length).Match(text, start, length); match.Success; match = match.NextMatch())
        {
            if ((match.Index == start && start > 0) || (match.Index + match.Length >= end - 1 && end < text.Length))
                return counts.Outcome = Outcome.TouchedEdge;
            if (++counts.Candidates > MaxCandidatesPerRule) return counts.Outcome = Outcome.Enough;
            var group = rule.ValueGroup(match);
            if (!group.Success || group.Length == 0) continue;
            var value = group.Value;
            if (!Accepts(rule, value, allowedValues)) continue;
            into.Add(new RuleMatch(rule, group.Index, group.Length, value));
            if (++counts.Accepted >= counts.MaxAccepted) return counts.Outcome = Outcome.Enough;
        }
        return counts.Outcome = Outcome.Done;
    }

    public static bool Accepts(CompiledRule rule, string value, ISet<string> allowedValues)
    {
        if (allowedValues.Contains(value)) return false;
        if (rule.TestValues.Count > 0 && rule.TestValues.Contains(CompiledRule.StripSeparators(value))) return false;
        foreach (var allow in rule.AllowPatterns)
            if (allow.IsMatch(value)) return false;
        if (rule.Validator is not null && !rule.Validator.IsValid(value)) return false;
        if (rule.Definition.MinEntropy is { } floor && Entropy.Shannon(value) < floor) return false;
        return true;
    }
}
