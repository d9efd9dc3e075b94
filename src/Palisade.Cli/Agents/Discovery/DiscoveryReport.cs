using System.Text.Json;

namespace Palisade.Cli.Agents.Discovery;

/// <summary>Prints what discovery found, as text for a person or JSON for a script.</summary>
public static class DiscoveryReport
{
    public static void WriteText(TextWriter w, DiscoveryResult r, AgentEndpoints endpoints)
    {
        w.WriteLine(r.Agents.Count == 0 ? "No AI agents found running." : "AI agents running:");
        foreach (var a in r.Agents)
        {
            var pids = string.Join(", ", a.ProcessIds.Take(5)) + (a.ProcessIds.Count > 5 ? $" (+{a.ProcessIds.Count - 5})" : "");
            var status = a.IsProtected ? "protected by " + string.Join(" and ", a.ProtectedBy) : "NOT protected; run: " + a.Protect;
            w.WriteLine($"  {a.Agent,-24} pid {pids,-20} {status}");
        }
        w.WriteLine(r.ModelServers.Count == 0 ? "No local model servers found on their usual ports." : "Local model servers listening:");
        foreach (var m in r.ModelServers)
            w.WriteLine($"  {m.Name,-24} 127.0.0.1:{m.Port,-14} reached directly unless the agent goes through the gateway");
        w.WriteLine(r.PalisadeListening
            ? $"Palisade is listening at {endpoints.Gateway.GetLeftPart(UriPartial.Authority)}."
            : $"Nothing is listening at {endpoints.Gateway.GetLeftPart(UriPartial.Authority)}: start the gateway with 'palisade run' before using 'palisade env' or 'palisade wrap'.");
    }

    public static void WriteJson(TextWriter w, DiscoveryResult r) => w.WriteLine(Hooks.HookMessages.Json(j =>
    {
        j.WriteStartObject();
        j.WriteStartArray("agents");
        foreach (var a in r.Agents)
        {
            j.WriteStartObject();
            j.WriteString("agent", a.Agent);
            j.WriteStartArray("pids");
            foreach (var pid in a.ProcessIds) j.WriteNumberValue(pid);
            j.WriteEndArray();
            j.WriteBoolean("protected", a.IsProtected);
            j.WriteStartArray("protected_by");
            foreach (var by in a.ProtectedBy) j.WriteStringValue(by);
            j.WriteEndArray();
            if (!a.IsProtected) j.WriteString("protect_with", a.Protect);
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WriteStartArray("model_servers");
        foreach (var m in r.ModelServers)
        {
            j.WriteStartObject();
            j.WriteString("name", m.Name);
            j.WriteNumber("port", m.Port);
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WriteBoolean("palisade_listening", r.PalisadeListening);
        j.WriteEndObject();
    }));
}
