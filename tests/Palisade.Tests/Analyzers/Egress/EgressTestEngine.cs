using Palisade.Core.Config;
using Palisade.Core.Engine;
using Palisade.Core.Model;

namespace Palisade.Tests.Analyzers.Egress;

/// <summary>URLs through the production engine, as <c>palisade scan --kind url</c> sends them.</summary>
internal static class EgressTestEngine
{
    public static readonly PalisadeEngine Default = PalisadeEngine.CreateDefault();

    public static Verdict Scan(string url, PalisadeEngine? engine = null) => (engine ?? Default).Evaluate(ScanKind.ToAction("url", url));

    public static PalisadeEngine WithConfig(string yaml) => new(ConfigLoader.Parse(yaml, "test.yaml"));

    public static IEnumerable<string> Rules(this Verdict v) => v.Findings.Select(f => f.RuleId);

    public static string Describe(this Verdict v) => $"{v.Decision}: {string.Join(", ", v.Findings.Select(f => $"{f.RuleId}={f.Action}"))}";
}
