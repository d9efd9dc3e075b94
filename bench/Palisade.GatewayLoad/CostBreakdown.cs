using System.Diagnostics;
using System.Text.Json.Nodes;
using Palisade.Bench;
using Palisade.Core.Engine;
using Palisade.Core.Model;
using Palisade.Core.Policy;
using Palisade.Gateway.Llm.Providers;
using Palisade.Gateway.Llm.Requests;

namespace Palisade.GatewayLoad;

/// <summary>Where the gateway's per-request time goes, step by step, on the benchmark's 4 KB request (mean of many runs).</summary>
public static class CostBreakdown
{
    public static void Run(byte[] body)
    {
        var engine = new PalisadeEngine(PalisadeConfig.Default);
        engine.Rules.UpgradeWhenHot(64);
        using var document = System.Text.Json.JsonDocument.Parse(body);
        var fields = RequestFields.Find(document.RootElement, WireProtocol.OpenAiChat);
        var action = new AgentAction
        {
            Kind = ActionKind.Prompt, Source = ActionSource.User, Transport = "gateway",
            Fields = [.. fields.Select(f => new ContentField(f.Path, f.Text))],
        };
        var v = engine.Evaluate(action);
        Console.WriteLine($"verdict: {v.Decision}, findings: {string.Join(", ", v.Findings.Select(f => f.RuleId + "/" + f.Action))}");
        Console.WriteLine("| step | wall | thread CPU |");
        Console.WriteLine("|---|---|---|");
        Time("parse body (JsonDocument)", () => System.Text.Json.JsonDocument.Parse(body).Dispose());
        Time("parse body and find fields", () =>
        {
            using var d = System.Text.Json.JsonDocument.Parse(body);
            RequestFields.Find(d.RootElement, WireProtocol.OpenAiChat);
        });
        Time("parse body (JsonNode, only when redacting)", () => JsonNode.Parse(body)!.ToJsonString());
        Time("engine: prompt (all scanners)", () => engine.Evaluate(action));
        Time("engine: same text as a message", () => engine.Evaluate(action with { Kind = ActionKind.Message }));
        var n = 0;
        var texts = Enumerable.Range(0, 1000).Select(i => action with { Fields = [.. action.Fields.Select(f => f with { Text = f.Text.Replace("#000000#", $"#{i:D6}#") })] }).ToArray();
        Time("engine: prompt, a new text each time (as the gateway bench sends)", () => engine.Evaluate(texts[n++ % texts.Length]));
        Time("engine: tool call (Bash ls)", () => engine.Evaluate(new AgentAction { Kind = ActionKind.ToolCall, ToolName = "Bash", ArgumentsJson = """{"command":"ls -la src"}""", Direction = Direction.Ingress, Source = ActionSource.Model }));
    }

    /// <summary>Wall time and this thread's CPU time per call; CPU time leaves out the waits for a core on a shared machine.</summary>
    private static void Time(string what, Action run)
    {
        // Until the steady state of a long-running gateway: hot rules rebuilt on the linear-time engine, code at tier 1.
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < TimeSpan.FromSeconds(3)) run();
        var n = 2000;
        var cpu = ThreadCpu.Nanoseconds();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < n; i++) run();
        var wall = Stopwatch.GetElapsedTime(start).TotalMicroseconds / n;
        Console.WriteLine($"| {what} | {wall:0.0} µs | {(ThreadCpu.Nanoseconds() - cpu) / 1000.0 / n:0.0} µs |");
    }
}
