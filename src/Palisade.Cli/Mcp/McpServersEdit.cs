using System.Text.Json;
using System.Text.Json.Nodes;
using Palisade.Cli.Setup;

namespace Palisade.Cli.Mcp;

/// <summary>
/// Rewrites the <c>mcpServers</c> of an MCP client's configuration (Claude Code <c>.mcp.json</c>, Claude Desktop,
/// Cursor <c>mcp.json</c> — they share the shape) so each server starts through <c>palisade mcp</c>: a stdio server
/// as <c>palisade mcp --name KEY -- COMMAND ARGS…</c>, a streamable-HTTP one as <c>palisade mcp --name KEY --upstream URL</c>.
/// Idempotent: a server already behind palisade is left alone. Every other key is kept.
/// </summary>
public static class McpServersEdit
{
    public static void Apply(JsonObject file, McpLaunch launch, string path, List<string> notes)
    {
        if (file["mcpServers"] is not JsonObject servers)
            throw new SetupException($"{path} has no \"mcpServers\" object; point --config at the MCP client's configuration (for example .mcp.json).");
        foreach (var (key, value) in servers.ToList())
        {
            if (value is not JsonObject server)
            {
                notes.Add($"'{key}' is not an object; left alone.");
                continue;
            }
            var args = server["args"] is JsonArray a ? a.Select(x => x is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null).ToList() : [];
            if (args.Any(x => x is null))
            {
                notes.Add($"'{key}' has arguments that are not strings; left alone.");
                continue;
            }
            var command = server["command"] is JsonValue c && c.GetValueKind() == JsonValueKind.String ? c.GetValue<string>() : null;
            if (McpLaunch.IsWrapped(command, args!)) continue;
            List<string> wrapped = [.. launch.PrefixArgs, "mcp", "--name", Name(key)];
            if (command is not null)
            {
                wrapped.AddRange(["--", command, .. args!]);
            }
            else if (server["url"] is JsonValue u && u.GetValueKind() == JsonValueKind.String)
            {
                var type = (string?)server["type"];
                if (type is "sse" || server["headers"] is JsonObject { Count: > 0 })
                {
                    notes.Add(type is "sse"
                        ? $"'{key}' uses the legacy SSE transport, which palisade mcp does not bridge; left alone."
                        : $"'{key}' sends headers (often credentials, which would show in the process list as arguments); left alone: add it under 'mcp: servers:' in Palisade's config with its headers and point the client at 'palisade mcp --server {Name(key)}'.");
                    continue;
                }
                wrapped.AddRange(["--upstream", u.GetValue<string>()]);
                server.Remove("url");
                if (type is not null) server["type"] = "stdio";
            }
            else
            {
                notes.Add($"'{key}' has neither a command nor a url; left alone.");
                continue;
            }
            server["command"] = launch.Command;
            server["args"] = new JsonArray([.. wrapped.Select(x => (JsonNode?)JsonValue.Create(x))]);
        }
    }

    /// <summary>The server's key as a pin and policy name: the same key always gives the same name.</summary>
    private static string Name(string key)
    {
        var chars = key.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '-').ToArray();
        var name = new string(chars).Trim('-');
        return name.Length == 0 ? "server" : name.Length > 100 ? name[..100] : name;
    }
}
