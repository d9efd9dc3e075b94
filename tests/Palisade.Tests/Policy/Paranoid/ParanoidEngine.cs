using Palisade.Core.Analyzers.Egress;
using Palisade.Core.Config;
using Palisade.Core.Engine;
using Palisade.Core.Model;
using Palisade.Core.Policy;

namespace Palisade.Tests.Policy.Paranoid;

/// <summary>Engines in paranoid mode built from a YAML <c>paranoid:</c> section, as a user writes it.</summary>
internal static class ParanoidEngine
{
    public static PalisadeEngine Create(string yaml = "", string mode = "paranoid") =>
        new(ConfigLoader.Parse($"mode: {mode}\n{yaml}", "paranoid-test.yaml"));

    public static Verdict Command(this PalisadeEngine engine, string line) =>
        engine.Evaluate(ScanKind.ToAction("command", line));

    public static Verdict Url(this PalisadeEngine engine, string url) =>
        engine.Evaluate(ScanKind.ToAction("url", url));

    public static Verdict Path(this PalisadeEngine engine, string path, FileOperation op = FileOperation.Read, string? cwd = null) =>
        engine.Evaluate(new AgentAction { Kind = ActionKind.FileAccess, Path = path, FileOperation = op, WorkingDirectory = cwd });

    public static Verdict Tool(this PalisadeEngine engine, string name, string argumentsJson) =>
        engine.Evaluate(new AgentAction { Kind = ActionKind.ToolCall, ToolName = name, ArgumentsJson = argumentsJson });

    /// <summary>The targets paranoid mode held, by the evidence of its findings.</summary>
    public static string[] Held(this Verdict v) =>
        v.Findings.Where(f => f.RuleId == "paranoid-unlisted").Select(f => f.Evidence).Order(StringComparer.Ordinal).ToArray();
}
