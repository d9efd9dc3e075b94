namespace Palisade.Core.Config;

/// <summary>Reads the <c>gateway:</c> section strictly: unknown keys, bad addresses and bad upstream URLs are errors.</summary>
public static class GatewayConfigYaml
{
    public static GatewayConfig Read(YamlNode node)
    {
        var d = GatewayConfig.Default;
        var providers = new Dictionary<string, Uri>(StringComparer.Ordinal);
        if (node.Get("providers") is { } list)
            foreach (var (name, value) in list.Entries())
            {
                if (!GatewayConfig.IsValidProviderName(name))
                    throw value.Error($"provider name '{name}' must be 1-64 characters of a-z, 0-9, '-' and '_'.");
                providers[name] = GatewayConfig.TryParseUpstream(value.AsString(), out var error) ?? throw value.Error(error);
            }
        var config = new GatewayConfig
        {
            Listen = node.Get("listen")?.AsString() ?? d.Listen,
            AdminListen = node.Get("admin_listen")?.AsString() ?? d.AdminListen,
            Providers = providers,
            MaxRequestBodyBytes = Positive(node, "max_request_body_mb", d.MaxRequestBodyBytes / (1024 * 1024)) * 1024 * 1024,
            ApprovalTimeout = TimeSpan.FromSeconds(Positive(node, "approval_timeout_seconds", (long)d.ApprovalTimeout.TotalSeconds)),
            DrainTimeout = TimeSpan.FromSeconds(Positive(node, "drain_timeout_seconds", (long)d.DrainTimeout.TotalSeconds)),
        };
        node.RejectUnknownKeys();
        return config;
    }

    /// <summary>The section as <see cref="Read"/> reads it back.</summary>
    public static void Write(System.Text.StringBuilder sb, GatewayConfig c)
    {
        sb.AppendLine("gateway:");
        sb.AppendLine($"  listen: '{c.Listen}'");
        sb.AppendLine($"  admin_listen: '{c.AdminListen}'");
        if (c.Providers.Count > 0)
        {
            sb.AppendLine("  providers:");
            foreach (var (name, uri) in c.Providers.OrderBy(kv => kv.Key, StringComparer.Ordinal)) sb.AppendLine($"    {name}: '{uri}'");
        }
        sb.AppendLine(System.FormattableString.Invariant($"  max_request_body_mb: {c.MaxRequestBodyBytes / (1024 * 1024)}"));
        sb.AppendLine(System.FormattableString.Invariant($"  approval_timeout_seconds: {(long)c.ApprovalTimeout.TotalSeconds}"));
        sb.AppendLine(System.FormattableString.Invariant($"  drain_timeout_seconds: {(long)c.DrainTimeout.TotalSeconds}"));
    }

    private static long Positive(YamlNode node, string key, long fallback)
    {
        if (node.Get(key) is not { } value) return fallback;
        var n = value.AsInt();
        return n > 0 ? n : throw value.Error($"'{key}' must be a positive whole number.");
    }
}
