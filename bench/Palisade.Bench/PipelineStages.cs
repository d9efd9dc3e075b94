using Palisade.Core.Engine;
using Palisade.Core.Model;
using Palisade.Core.Rules;
using Palisade.Core.Scanners;
using Palisade.Core.Text;

namespace Palisade.Bench;

/// <summary>
/// Where the content pipeline's time goes on one input, stage by stage, in thread CPU time (steadier than wall time on
/// a shared machine): <c>pipeline-stages [clean|dirty] [bytes]</c>. The engine is hot (as <c>palisade run</c> has it).
/// </summary>
public static class PipelineStages
{
    public static int Run(string[] args)
    {
        var kind = args.Length > 1 ? args[1] : "clean";
        var size = args.Length > 2 ? int.Parse(args[2]) : 10 * 1024;
        var engine = PalisadeEngine.CreateDefault();
        engine.Rules.UpgradeWhenHot(64);
        var text = kind == "clean" ? SampleText.Clean(size) : SampleText.Dirty(size);
        var action = AgentAction.FromText(ActionKind.Prompt, text);
        var field = action.Fields[0];
        var textAutomaton = Automaton(engine.Rules.TextPrefilter);
        var foldedAutomaton = Automaton(engine.Rules.FoldedPrefilter);
        var folded = new ContentViews(text).Folded.Text;
        Console.WriteLine($"automata: text {textAutomaton.States} states, folded {foldedAutomaton.States} states");
        var keep = new FieldContext(action, field, engine.Rules, engine.Redactor, new HashSet<string>(), DecodeLimits.Default);
        var woken = new List<(string, Action)>();
        foreach (var (view, prefilter) in keep.Views.ForSecrets().Select(v => (v, engine.Rules.TextPrefilter))
                     .Concat(keep.Views.ForInjection().Select(v => (v, engine.Rules.FoldedPrefilter))).ToList())
        {
            var hits = keep.Hits(view, prefilter);
            foreach (var rule in prefilter.Rules.Where(r => hits.Contains(r.Index)))
                woken.Add(($"regex {rule.Id} on {view.Name}", () => RuleMatcher.Run(rule, view, hits, rule.Definition.Window ?? 256, new HashSet<string>(), new List<RuleMatch>())));
        }
        var stages = new (string Name, Action Body)[]
        {
            ("evaluate (whole)", () => engine.Evaluate(action)),
            ("views: normalized", () => { var v = new ContentViews(text); _ = v.Normalized; v.Dispose(); }),
            ("views: folded", () => { var v = new ContentViews(text); _ = v.Folded; v.Dispose(); }),
            ("views: decoded", () => { var v = new ContentViews(text); _ = v.Decoded; v.Dispose(); }),
            ("text prefilter on raw", () => engine.Rules.TextPrefilter.Find(text).Dispose()),
            ("folded prefilter on folded", () => { var v = new ContentViews(text); engine.Rules.FoldedPrefilter.Find(v.Folded.Chars).Dispose(); v.Dispose(); }),
            ("secrets scanner", () => Scan(engine, action, field, new SecretsScanner())),
            ("pii scanner", () => Scan(engine, action, field, new PiiScanner())),
            ("injection scanner", () => Scan(engine, action, field, new InjectionScanner())),
            ("decode: percent", () => { var l = new List<Palisade.Core.Text.Decoding.DecodedSegment>(); Palisade.Core.Text.Decoding.PercentCodec.Find(text, l); }),
            ("decode: base64/32 runs", () => { var l = new List<Palisade.Core.Text.Decoding.DecodedSegment>(); Palisade.Core.Text.Decoding.EncodedRunFinder.Find(text, 16, l); }),
            ("decode: hex", () => { var l = new List<Palisade.Core.Text.Decoding.DecodedSegment>(); Palisade.Core.Text.Decoding.HexCodec.Find(text, 16, l); }),
            ("decode: escapes", () => { var l = new List<Palisade.Core.Text.Decoding.DecodedSegment>(); Palisade.Core.Text.Decoding.EscapeCodec.Find(text, l); }),
            ("decode: hidden", () => { var l = new List<Palisade.Core.Text.Decoding.DecodedSegment>(); Palisade.Core.Text.Decoding.SegmentFinder.FindHidden(text, l); }),
            ("automaton: text on raw", () => { var sink = new NoSink(); textAutomaton.Scan(text, ref sink); }),
            ("automaton: folded on folded", () => { var sink = new NoSink(); foldedAutomaton.Scan(folded, ref sink); }),
            ("automaton: text on raw, ascii", () => { var sink = new NoSink(); textAutomaton.Scan(text, ref sink, true); }),
            ("automaton: folded, ascii", () => { var sink = new NoSink(); foldedAutomaton.Scan(folded, ref sink, true); }),
            ("digit runs", () => DigitRuns.Longest(text)),
            ("bip39 longest run", () => Palisade.Core.Rules.Validation.Bip39Wordlist.LongestRun(text, 12, 12)),
        }.Concat(woken).ToArray();
        // Warm-up long enough for tiered compilation to reach its optimised code (on a busy machine its background
        // thread is slow to get a core), then a pause for the last recompilations to land.
        for (var pass = 0; pass < 2; pass++)
            foreach (var (_, body) in stages)
            {
                var warm = System.Diagnostics.Stopwatch.StartNew();
                while (warm.ElapsedMilliseconds < 150) body();
            }
        Thread.Sleep(1000);
        Console.WriteLine($"{kind} {size} bytes, thread CPU per call (min of 15 rounds of 200), load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        foreach (var (name, body) in stages)
        {
            var best = long.MaxValue;
            for (var round = 0; round < 15; round++)
            {
                var t0 = ThreadCpu.Nanoseconds();
                for (var i = 0; i < 200; i++) body();
                best = Math.Min(best, (ThreadCpu.Nanoseconds() - t0) / 200);
            }
            Console.WriteLine($"{name,-30} {best / 1000.0,9:F1} µs");
        }
        using (var ctx = new FieldContext(action, field, engine.Rules, engine.Redactor, new HashSet<string>(), DecodeLimits.Default))
        {
            foreach (var view in ctx.Views.ForSecrets())
                Report(engine, ctx, view, engine.Rules.TextPrefilter);
            foreach (var view in ctx.Views.ForInjection())
                Report(engine, ctx, view, engine.Rules.FoldedPrefilter);
        }
        return 0;
    }

    private static KeywordAutomaton Automaton(KeywordPrefilter prefilter) =>
        prefilter.AsciiAutomaton ?? throw new InvalidOperationException("The prefilter has no ASCII keywords to measure.");

    private struct NoSink : IKeywordSink
    {
        public int Count;
        public void Found(int value, int start, int end) => Count++;
    }

    private static void Report(PalisadeEngine engine, FieldContext ctx, TextView view, KeywordPrefilter prefilter)
    {
        var hits = ctx.Hits(view, prefilter);
        var woken = prefilter.Rules.Where(r => hits.Contains(r.Index)).Select(r => r.Id + (hits.IsWholeText(r.Index) ? "(whole)" : "")).ToList();
        Console.WriteLine($"view {view.Name} ({view.Length} chars): {woken.Count} rules woken: {string.Join(", ", woken)}");
    }

    private static void Scan(PalisadeEngine engine, AgentAction action, ContentField field, IContentScanner scanner)
    {
        using var ctx = new FieldContext(action, field, engine.Rules, engine.Redactor, new HashSet<string>(), DecodeLimits.Default);
        scanner.Scan(ctx, new List<Finding>());
    }
}
