using BenchmarkDotNet.Attributes;
using Palisade.Core.Engine;
using Palisade.Core.Model;

namespace Palisade.Bench;

/// <summary>
/// The whole content pipeline (views, prefilters, secrets, PII, injection, policy) on one field, single thread, in both
/// engine states: <c>fresh</c> is a process that never warmed up (rules on the timeout-bounded backtracking engine,
/// except those a text over 8 KB moved to the linear-time engine on first need), <c>warm</c> is a long-running host
/// after <see cref="PalisadeEngine.WarmUpLinearTimeAsync"/> (every rule linear-time). See docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
public class ContentPipelineBenchmarks
{
    private PalisadeEngine _engine = null!;
    private AgentAction _action = null!;

    [Params("fresh", "warm")]
    public string State { get; set; } = "fresh";

    [Params(1024, 10 * 1024, 1024 * 1024)]
    public int Size { get; set; }

    [Params("clean", "dirty")]
    public string Text { get; set; } = "clean";

    [GlobalSetup]
    public void Setup()
    {
        _engine = PalisadeEngine.CreateDefault();
        if (State == "warm") _engine.WarmUpLinearTimeAsync().GetAwaiter().GetResult();
        var text = Text == "clean" ? SampleText.Clean(Size) : SampleText.Dirty(Size);
        _action = AgentAction.FromText(ActionKind.Prompt, text);
        var verdict = _engine.Evaluate(_action);
        // A benchmark of the wrong input measures nothing: check the samples are what their names say.
        if ((Text == "clean") != (verdict.Decision == Decision.Allow))
            throw new InvalidOperationException($"{Text} sample of {Size} bytes got {verdict.Decision}: {verdict.Reason}");
    }

    [Benchmark]
    public Decision Evaluate() => _engine.Evaluate(_action).Decision;
}
