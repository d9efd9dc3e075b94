using BenchmarkDotNet.Attributes;
using Palisade.Core.Engine;
using Palisade.Core.Model;

namespace Palisade.Bench;

/// <summary>The whole content pipeline (prefilter, views, secrets, PII, injection, policy) on one field, single thread.</summary>
[MemoryDiagnoser]
public class ContentPipelineBenchmarks
{
    private PalisadeEngine _engine = null!;
    private AgentAction _action = null!;

    [Params(1024, 10 * 1024, 1024 * 1024)]
    public int Size { get; set; }

    [Params("clean", "dirty")]
    public string Text { get; set; } = "clean";

    [GlobalSetup]
    public void Setup()
    {
        _engine = PalisadeEngine.CreateDefault();
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
