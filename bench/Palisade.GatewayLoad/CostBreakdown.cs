using System.Diagnostics;
using System.Text.Json.Nodes;
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
        engine.Rules.UpgradeToLinearTime();
        var root = JsonNode.Parse(body)!;
        var fields = RequestFields.Find(root, WireProtocol.OpenAiChat);
        var action = new AgentAction
        {
            Kind = ActionKind.Prompt, Source = ActionSource.User, Transport = "gateway",
            Fields = [.. fields.Select(f => new ContentField(f.Path, f.Text))],
        };
        Time("parse body (JsonNode)", () => JsonNode.Parse(body));
        Time("find fields", () => RequestFields.Find(JsonNode.Parse(body)!, WireProtocol.OpenAiChat));
        Time("engine: prompt (all scanners)", () => engine.Evaluate(action));
        Time("engine: same text as a message", () => engine.Evaluate(action with { Kind = ActionKind.Message }));
        Time("engine: tool call (Bash ls)", () => engine.Evaluate(new AgentAction { Kind = ActionKind.ToolCall, ToolName = "Bash", ArgumentsJson = """{"command":"ls -la src"}""", Direction = Direction.Ingress, Source = ActionSource.Model }));
    }

    private static void Time(string what, Action run)
    {
        for (var i = 0; i < 200; i++) run();
        var n = 2000;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < n; i++) run();
        Console.WriteLine($"| {what} | {Stopwatch.GetElapsedTime(start).TotalMicroseconds / n:0.0} µs |");
    }
}
