using BenchmarkDotNet.Attributes;
using Palisade.Core.Engine;
using Palisade.Core.Model;

namespace Palisade.Bench;

/// <summary>One URL verdict through the whole engine (content scanners on the URL text, then the egress analyzer), single thread.</summary>
[MemoryDiagnoser]
public class UrlAnalyzerBenchmarks
{
    private PalisadeEngine _engine = null!;
    private AgentAction _action = null!;

    [Params("benign", "ssrf")]
    public string Url { get; set; } = "benign";

    [GlobalSetup]
    public void Setup()
    {
        _engine = PalisadeEngine.CreateDefault();
        var url = Url == "benign"
            ? "https://docs.python.org/3/library/urllib.parse.html?highlight=urlsplit#url-parsing"
            : "http://google.com@0xa9.0376.43518/latest/meta-data/iam/security-credentials/";
        _action = ScanKind.ToAction("url", url);
        var verdict = _engine.Evaluate(_action);
        if ((Url == "benign") != (verdict.Decision == Decision.Allow))
            throw new InvalidOperationException($"{Url} URL got {verdict.Decision}: {verdict.Reason}");
    }

    [Benchmark]
    public Decision Evaluate() => _engine.Evaluate(_action).Decision;
}
