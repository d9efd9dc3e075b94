using System.Globalization;
using System.Text;
using Palisade.Core.Analyzers.Egress;

namespace Palisade.Core.Config;

/// <summary>Reads and writes the <c>proxy:</c> section strictly: unknown keys, malformed hosts and negative limits are errors.</summary>
public static class ProxyConfigYaml
{
    public static ProxyConfig Read(YamlNode node)
    {
        var d = ProxyConfig.Default;
        var passthrough = new List<HostPattern>();
        if (node.Get("passthrough") is { } list)
            foreach (var item in list.IsScalar ? [list] : list.Items().ToList())
                passthrough.Add(HostPattern.TryParse(item.AsString(), allowPort: true, out var error)
                    ?? throw item.Error($"{error} Write entries like 'pinned.example.com' or '*.bank.example:443'."));
        var config = new ProxyConfig
        {
            Listen = node.Get("listen")?.AsString(),
            Intercept = node.Get("intercept")?.AsBool() ?? d.Intercept,
            Passthrough = passthrough,
            RequestsPerMinutePerHost = NonNegative(node, "requests_per_minute_per_host", d.RequestsPerMinutePerHost),
            EntropyBudgetChars = NonNegative(node, "entropy_budget_chars", d.EntropyBudgetChars),
        };
        node.RejectUnknownKeys();
        return config;
    }

    /// <summary>The section as <see cref="Read"/> reads it back; nothing when every value is the default.</summary>
    public static void Write(StringBuilder sb, ProxyConfig c)
    {
        // Defaults too: 'config show' prints what is in force, not only what the file changed.
        sb.AppendLine("proxy:");
        sb.AppendLine(c.Listen is not null ? $"  listen: '{c.Listen}'" : "  # listen: not set, the egress proxy shares the gateway's data plane");
        sb.AppendLine($"  intercept: {(c.Intercept ? "true" : "false")}");
        if (c.Passthrough.Count == 0) sb.AppendLine("  passthrough: []");
        else
        {
            sb.AppendLine("  passthrough:");
            foreach (var p in c.Passthrough) sb.AppendLine($"    - '{p}'");
        }
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  requests_per_minute_per_host: {c.RequestsPerMinutePerHost}"));
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  entropy_budget_chars: {c.EntropyBudgetChars}"));
    }

    private static int NonNegative(YamlNode node, string key, int fallback)
    {
        if (node.Get(key) is not { } value) return fallback;
        var n = value.AsInt();
        return n >= 0 ? (int)n : throw value.Error($"'{key}' must be 0 (off) or a positive whole number.");
    }
}
