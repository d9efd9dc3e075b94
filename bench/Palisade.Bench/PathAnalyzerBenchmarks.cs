using BenchmarkDotNet.Attributes;
using Palisade.Core.Analyzers.Paths;
using Palisade.Core.Engine;
using Palisade.Core.Model;

namespace Palisade.Bench;

/// <summary>
/// One file access through the whole engine (content scanners on the path text, path resolution, path rules, policy);
/// the same without content fields (the path analyzer and policy only); and resolution alone. Samples: a project file
/// that passes, a credential store that is blocked, and an encoded traversal.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PathAnalyzerBenchmarks
{
    private static readonly Dictionary<string, (string Input, Decision Expected)> Inputs = new()
    {
        ["project"] = ("write:~/projects/app/src/components/Button.tsx", Decision.Allow),
        ["credential"] = ("C:\\Users\\bob\\.aws\\credentials", Decision.Block),
        ["traversal"] = ("..%2f..%2f..%2f..%2fetc%2fpasswd", Decision.Block),
    };

    private PalisadeEngine _engine = null!;
    private AgentAction _action = null!;
    private AgentAction _structural = null!;

    [Params("project", "credential", "traversal")]
    public string Sample { get; set; } = "project";

    [GlobalSetup]
    public void Setup()
    {
        _engine = PalisadeEngine.CreateDefault();
        var (input, expected) = Inputs[Sample];
        _action = ScanKind.ToAction("path", input);
        _structural = _action with { Fields = [] };
        var verdict = _engine.Evaluate(_action);
        // A benchmark of the wrong input measures nothing: check each sample gets the decision its name promises.
        if (verdict.Decision != expected) throw new InvalidOperationException($"{Sample} sample got {verdict.Decision}: {verdict.Reason}");
    }

    [Benchmark]
    public Decision Evaluate() => _engine.Evaluate(_action).Decision;

    [Benchmark]
    public Decision EvaluateWithoutContentScanners() => _engine.Evaluate(_structural).Decision;

    [Benchmark]
    public string Resolve() => PathResolver.Resolve(_action.Path!).Canonical;
}
