using System.Text;
using Palisade.Core.Engine;
using Palisade.Core.Model;
using Palisade.Core.Rules;
using Palisade.Core.Scanners;

namespace Palisade.Tests.Rules;

/// <summary>
/// Keyword-gated rules run only in windows around their keywords. These tests prove the windows are wide enough:
/// every match example, buried in 20 KB of prose on each side with the rule's own keywords scattered through it and
/// close around it, gives exactly the findings that running every rule over the whole text gives, and the findings of
/// the bare example.
/// </summary>
public sealed class WindowedMatchingTests
{
    private static readonly PalisadeEngine Engine = new(RuleExampleTests.AllRulesOn());

    private const int FillerChars = 20 * 1024;

    private static readonly string[] Sentences =
    [
        "The scheduler picks the next job from the queue and records when it started. ",
        "Each worker keeps a small buffer so that slow disks do not stall the whole pipeline. ",
        "If the upstream service times out, the client retries twice and then reports an error to the caller. ",
        "Release notes list every change that users can see, grouped by component. ",
        "We keep the old endpoint for one more version so that existing integrations keep working. ",
        "The dashboard shows request rates, error rates and the slowest routes of the last hour. ",
        "for (var i = 0; i < items.Length; i++) { total += items[i].Price * items[i].Quantity; }\n",
        "Benchmarks run on a quiet machine; numbers from a busy laptop are not comparable. ",
    ];

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in Engine.Rules.Rules)
        {
            var def = rule.Definition;
            if (def.ExampleKind != "text" || !Engine.Rules.TextPrefilter.Rules.Concat(Engine.Rules.FoldedPrefilter.Rules).Contains(rule)) continue;
            foreach (var example in def.MatchExamples) data.Add(def.Id, example);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Match_example_in_a_long_text_full_of_decoys_gives_the_findings_of_whole_text_matching(string ruleId, string example)
    {
        var rule = Engine.Rules.Rules.Single(r => r.Id == ruleId);
        var (text, offset) = Embed(example, Decoys(rule));
        Assert.True(offset >= FillerChars && text.Length - offset - example.Length >= FillerChars);

        var windowed = Findings(text, wholeViews: false);
        var reference = Findings(text, wholeViews: true);
        Assert.Equal(reference, windowed);

        // What the bare example shows, the buried one shows too, unless the example depends on being the whole field
        // (a ^ anchor, a payload that decodes only as the whole field): whole-text matching loses those just the same.
        var bare = Findings(example, wholeViews: false).Select(f => f with { Start = f.Start + offset }).ToList();
        Assert.All(bare.Where(reference.Contains), f => Assert.Contains(f, windowed));
        Assert.True(bare.Any(f => f.RuleId == ruleId) && windowed.Any(f => f.RuleId == ruleId) || ContextBound.Contains(ruleId),
            $"'{ruleId}' is not found in its buried example");
    }

    /// <summary>
    /// Rules with examples that match only as the whole field: a role header at the very start (<c>^SYSTEM:</c>), a key
    /// header at the very end (its material follows in the next chunk).
    /// </summary>
    private static readonly HashSet<string> ContextBound = ["inj-role-header", "private-key-header"];

    private sealed record Found(string RuleId, string View, int Start, int Length);

    private static List<Found> Findings(string text, bool wholeViews)
    {
        var findings = new List<Finding>();
        using var field = new FieldContext(AgentAction.FromText(ActionKind.Message, text), new ContentField("content", text),
            Engine.Rules, Engine.Redactor, new HashSet<string>(), Engine.Config.Decode) { WholeViews = wholeViews };
        foreach (var scanner in ScannerChain.Create()) scanner.Scan(field, findings);
        return findings.Select(f => new Found(f.RuleId, f.Location.View, f.Location.Start, f.Location.Length))
            .OrderBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.View, StringComparer.Ordinal).ThenBy(f => f.Start).ThenBy(f => f.Length).ToList();
    }

    /// <summary>The rule's keywords that make no finding on their own, so decoys never compete with the example.</summary>
    private static string[] Decoys(CompiledRule rule)
    {
        var keywords = rule.Definition.Keywords;
        var step = Math.Max(1, keywords.Count / 24);
        return keywords.Where((_, i) => i % step == 0)
            .Where(k => Findings($"{Sentences[0]}{k} {Sentences[1]}", wholeViews: true).Count == 0)
            .ToArray();
    }

    /// <summary>
    /// Filler with a decoy every ~600 characters (far enough apart that not all windows merge), one decoy ~80 characters
    /// before the example and one ~80 after (so the example's window merges with theirs), then the example.
    /// </summary>
    private static (string Text, int Offset) Embed(string example, string[] decoys)
    {
        var sb = new StringBuilder();
        var d = 0;
        void Fill(int chars)
        {
            var target = sb.Length + chars;
            for (var i = 0; sb.Length < target; i++)
            {
                sb.Append(Sentences[i % Sentences.Length]);
                if (decoys.Length > 0 && i % 7 == 6) sb.Append(decoys[d++ % decoys.Length]).Append(". ");
            }
        }
        Fill(FillerChars);
        if (decoys.Length > 0) sb.Append(decoys[d++ % decoys.Length]).Append(". ");
        sb.Append(Sentences[2]);
        sb.Append('\n');
        var offset = sb.Length;
        sb.Append(example);
        sb.Append('\n');
        sb.Append(Sentences[3]);
        if (decoys.Length > 0) sb.Append(decoys[d++ % decoys.Length]).Append(". ");
        Fill(FillerChars);
        return (sb.ToString(), offset);
    }

    /// <summary>A 4096-bit RSA key and a PGP key block: their END lines are kilobytes from their BEGIN lines.</summary>
    [Theory]
    [InlineData("RSA PRIVATE KEY", 52)]
    [InlineData("PGP PRIVATE KEY BLOCK", 120)]
    public void Key_blocks_of_real_size_are_found_whole_inside_long_text(string label, int lines)
    {
        var random = new Random(lines);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var body = string.Join('\n', Enumerable.Range(0, lines).Select(_ => new string(Enumerable.Range(0, 64).Select(_ => alphabet[random.Next(64)]).ToArray())));
        var block = $"-----BEGIN {label}-----\n\n{body}\n-----END {label}-----";
        var (text, offset) = Embed(block, []);
        var windowed = Findings(text, wholeViews: false);
        Assert.Equal(Findings(text, wholeViews: true), windowed);
        Assert.Contains(windowed, f => f.RuleId is "private-key-pem" or "pgp-private-key" && f.Start == offset);
    }

    [Fact]
    public void A_match_that_reaches_a_window_edge_is_decided_on_the_whole_text()
    {
        // Cut at the window's end the match would be shorter than it is: it is taken from the whole text instead.
        var rule = CompiledRule.Compile(new RuleDefinition { Id = "t", Scanner = "secrets", Category = "t", Keywords = ["kw"], Pattern = @"kw(?: \w+){0,400}" }, 0);
        var text = "words before kw " + string.Join(' ', Enumerable.Repeat("word", 300));
        var found = Run(rule, text);
        Assert.Equal(text.Length - "words before ".Length, Assert.Single(found).Length);
    }

    [Fact]
    public void An_anchor_at_a_window_edge_does_not_make_a_finding()
    {
        // In the window, ^ matches where the window starts, in front of a word starting with "a"; in the text it does not.
        var rule = CompiledRule.Compile(new RuleDefinition { Id = "t", Scanner = "secrets", Category = "t", Keywords = ["kw"], Pattern = @"^a\w*" }, 0);
        var text = "begin " + string.Join(' ', Enumerable.Repeat("aword", 100)) + " kw";
        Assert.Equal('a', text[MatchWindows.Start(text, text.Length - 2, 64)]);
        Assert.Empty(Run(rule, text));
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(100, true)]
    public void A_rule_run_in_many_windows_moves_to_the_linear_time_engine_like_a_long_text(int windows, bool linear)
    {
        // Each window is short, but together they are as long as a long text: the backtracking engine's cost per
        // character must not be paid over more than CompiledRule.BacktrackingMaxInput characters per text.
        var rule = CompiledRule.Compile(new RuleDefinition { Id = "t", Scanner = "secrets", Category = "t", Keywords = ["kw"], Pattern = @"kw\d{9}" }, 0);
        var filler = string.Join(' ', Enumerable.Repeat("word", 100));
        var text = string.Join(' ', Enumerable.Repeat(filler + " kw " + filler, windows));
        Assert.Empty(Run(rule, text));
        Assert.Equal(linear, rule.IsLinearTime);
    }

    private static List<RuleMatch> Run(CompiledRule rule, string text)
    {
        using var hits = new KeywordPrefilter([rule]).Find(text);
        var found = new List<RuleMatch>();
        RuleMatcher.Run(rule, Palisade.Core.Text.TextView.Raw(text), hits, 64, new HashSet<string>(), found);
        return found;
    }
}
