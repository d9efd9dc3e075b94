using System.Text.Json.Nodes;

namespace Palisade.Cli.Setup;

/// <summary>
/// Puts Palisade's hooks into a Claude Code settings object: one entry per event, replacing any earlier
/// Palisade entry (so a new path or timeout updates it in place) and leaving every other hook alone.
/// </summary>
public static class ClaudeCodeHooksEdit
{
    /// <summary>Events Palisade judges; a matcher applies only to the tool events.</summary>
    public static readonly IReadOnlyList<(string Event, string? Matcher)> Events =
    [
        ("PreToolUse", "*"),
        ("PostToolUse", "*"),
        ("UserPromptSubmit", null),
        ("SessionStart", null),
    ];

    /// <summary>Seconds Claude Code waits for the hook; well above the hook's own deadline, which answers deny first.</summary>
    public const int TimeoutSeconds = 30;

    public const string DefaultGateway = "http://127.0.0.1:8787/anthropic";

    /// <param name="blockOnFailure">
    /// Also write <c>"onFailure": "block"</c> (Claude Code 2.1.295 and later), so a hook that cannot start, crashes
    /// or times out blocks instead of letting the call through. Opt-in: older versions' handling of the key is unverified.
    /// </param>
    public static void Apply(JsonObject settings, string command, string? gatewayUrl, string path, bool blockOnFailure = false)
    {
        var hooks = JsonConfigFile.GetOrAddObject(settings, "hooks", path);
        foreach (var (name, matcher) in Events)
        {
            var groups = JsonConfigFile.GetOrAddArray(hooks, name, path);
            var wanted = Group(command, matcher, blockOnFailure);
            var ours = groups.Where(g => g is JsonObject o && o["hooks"] is JsonArray a && a.Any(IsOurs)).ToList();
            if (ours.Count == 1 && JsonNode.DeepEquals(ours[0], wanted)) continue;
            foreach (var group in ours)
            {
                var list = (JsonArray)group!["hooks"]!;
                foreach (var hook in list.Where(IsOurs).ToList()) list.Remove(hook);
                // A group that held only Palisade's hook goes; one shared with the user's own hooks stays.
                if (list.Count == 0) groups.Remove(group);
            }
            groups.Add(wanted);
        }
        if (gatewayUrl is not null) JsonConfigFile.GetOrAddObject(settings, "env", path)["ANTHROPIC_BASE_URL"] = gatewayUrl;
    }

    private static bool IsOurs(JsonNode? hook) =>
        hook is JsonObject o && o["command"] is JsonValue v && v.TryGetValue<string>(out var c) && HookCommandLine.IsPalisadeHook(c, "claude-code");

    private static JsonObject Group(string command, string? matcher, bool blockOnFailure)
    {
        var group = new JsonObject();
        if (matcher is not null) group["matcher"] = matcher;
        var hook = new JsonObject
        {
            ["type"] = "command",
            ["command"] = $"{command} hook claude-code",
            ["timeout"] = TimeoutSeconds,
        };
        if (blockOnFailure) hook["onFailure"] = "block";
        group["hooks"] = new JsonArray(hook);
        return group;
    }
}
