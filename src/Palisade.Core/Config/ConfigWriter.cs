using System.Globalization;
using System.Text;
using Palisade.Core.Analyzers.Egress;
using Palisade.Core.Engine;
using Palisade.Core.Model;
using Palisade.Core.Policy;

namespace Palisade.Core.Config;

/// <summary>Writes the effective configuration as YAML that <see cref="ConfigLoader"/> reads back to the same thing.</summary>
public static class ConfigWriter
{
    public static string ToYaml(PalisadeConfig c)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# effective configuration (from {c.Source})");
        sb.AppendLine($"mode: {c.Mode.ToWire()}");
        sb.AppendLine("actions:");
        foreach (var (category, action) in c.CategoryActions.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            sb.AppendLine($"  {category}: {action.ToWire()}");
        sb.AppendLine("injection:");
        sb.AppendLine(FormattableString.Invariant($"  audit_at: {c.Injection.Audit}"));
        sb.AppendLine(FormattableString.Invariant($"  review_at: {c.Injection.Review}"));
        sb.AppendLine(FormattableString.Invariant($"  block_at: {c.Injection.Block}"));
        if (c.Rules.Count > 0)
        {
            sb.AppendLine("rules:");
            foreach (var (id, s) in c.Rules.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var parts = new List<string>();
                if (s.Enabled is { } e) parts.Add($"enabled: {(e ? "true" : "false")}");
                if (s.Action is { } a) parts.Add($"action: {a.ToWire()}");
                sb.AppendLine($"  {id}: {{ {string.Join(", ", parts)} }}");
            }
        }
        sb.AppendLine("allow:");
        sb.AppendLine(c.AllowValues.Count == 0 ? "  values: []" : "  values:");
        foreach (var v in c.AllowValues.Order(StringComparer.Ordinal)) sb.AppendLine($"    - {Quote(v)}");
        sb.AppendLine("limits:");
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  max_field_chars: {c.MaxFieldChars}"));
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  decode_depth: {c.Decode.MaxDepth}"));
        EgressConfigYaml.Write(sb, c.Egress);
        ParanoidConfigYaml.Write(sb, c.Paranoid);
        GatewayConfigYaml.Write(sb, c.Gateway);
        ProxyConfigYaml.Write(sb, c.Proxy);
        Mcp.McpConfigYaml.Write(sb, c.Mcp);
        if (c.AuditDirectory is not null)
        {
            sb.AppendLine("audit:");
            sb.AppendLine($"  dir: {Quote(c.AuditDirectory)}");
        }
        var enabled = PalisadeEngine.EnabledRules(c).ToList();
        sb.AppendLine($"# {enabled.Count} rules enabled ({enabled.Count(r => r.Core)} core), {c.CustomRules.Count} custom");
        if (c.CustomRules.Count > 0)
            sb.AppendLine("# custom_rules are loaded from the configuration file as written; 'palisade config validate' checks them.");
        return sb.ToString();
    }

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
}
