using Palisade.Core.Config;

namespace Palisade.Core.Mcp;

/// <summary>Reads the <c>mcp:</c> configuration section, strictly: unknown keys, bad globs and bad URLs are errors.</summary>
public static class McpConfigYaml
{
    public static McpConfig Read(YamlNode node)
    {
        var config = new McpConfig
        {
            AllowTools = Globs(node, "allow_tools"),
            DenyTools = Globs(node, "deny_tools"),
            Servers = Servers(node.Get("servers")),
            MaxLineBytes = node.Get("max_line_bytes")?.AsInt() ?? McpConfig.Default.MaxLineBytes,
            Pinning = node.Get("pinning")?.AsBool() ?? true,
        };
        if (config.MaxLineBytes < 4096) throw node.Error("'max_line_bytes' must be at least 4096.");
        node.RejectUnknownKeys();
        return config;
    }

    private static IReadOnlyList<string> Globs(YamlNode node, string key)
    {
        if (node.Get(key) is not { } list) return [];
        var items = list.IsScalar ? [list] : list.Items().ToList();
        foreach (var item in items)
        {
            var glob = item.AsString();
            if (glob.Count(c => c == '/') != 1 || glob.StartsWith('/') || glob.EndsWith('/'))
                throw item.Error($"'{glob}' is not a 'server/tool' pattern; write entries like 'github/*' or '*/delete_*'.");
        }
        return items.Select(i => i.AsString()).ToArray();
    }

    private static IReadOnlyDictionary<string, McpUpstreamConfig> Servers(YamlNode? node)
    {
        var result = new Dictionary<string, McpUpstreamConfig>(StringComparer.Ordinal);
        if (node is null) return result;
        foreach (var (name, value) in node.Entries())
        {
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                throw value.Error($"server name '{name}' may hold only letters, digits, '-', '_' and '.'.");
            var urlText = value.Require("url").AsString();
            if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                throw value.Error($"'{urlText}' is not an http or https URL; write the server's streamable-HTTP endpoint, like 'https://mcp.example.com/mcp'.");
            var headers = value.Get("headers")?.Entries().ToDictionary(e => e.Key, e => e.Value.AsString(), StringComparer.OrdinalIgnoreCase)
                ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            value.RejectUnknownKeys();
            result[name] = new McpUpstreamConfig(name, url, headers);
        }
        return result;
    }

    /// <summary>
    /// The section as <see cref="Read"/> reads it back, except header values: they often hold bearer tokens, so
    /// <c>config show</c> prints them as <c>(hidden)</c>. Nothing is written when everything is default.
    /// </summary>
    public static void Write(System.Text.StringBuilder sb, McpConfig c)
    {
        // Defaults too: 'config show' prints what is in force, not only what the file changed.
        sb.AppendLine("mcp:");
        sb.AppendLine(c.AllowTools.Count == 0 ? "  allow_tools: []            # empty: no allow-list, every tool not denied is used"
            : $"  allow_tools: [{string.Join(", ", c.AllowTools.Select(Quote))}]");
        sb.AppendLine($"  deny_tools: [{string.Join(", ", c.DenyTools.Select(Quote))}]");
        sb.AppendLine(System.FormattableString.Invariant($"  max_line_bytes: {c.MaxLineBytes}"));
        sb.AppendLine($"  pinning: {(c.Pinning ? "true" : "false")}");
        if (c.Servers.Count == 0) return;
        sb.AppendLine("  servers:");
        foreach (var (name, server) in c.Servers.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.AppendLine($"    {name}:");
            sb.AppendLine($"      url: {Quote(server.Url.ToString())}");
            if (server.Headers.Count == 0) continue;
            sb.AppendLine("      headers:            # values hidden");
            foreach (var header in server.Headers.Keys.Order(StringComparer.OrdinalIgnoreCase)) sb.AppendLine($"        {header}: '(hidden)'");
        }
    }

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
}
