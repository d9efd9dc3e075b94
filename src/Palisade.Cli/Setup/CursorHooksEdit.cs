using System.Text.Json.Nodes;

namespace Palisade.Cli.Setup;

/// <summary>
/// Puts Palisade's hooks into a Cursor <c>hooks.json</c> (version 1): one entry per event, replacing any
/// earlier Palisade entry and leaving every other hook alone.
/// </summary>
public static class CursorHooksEdit
{
    public static readonly IReadOnlyList<string> Events =
    [
        "beforeShellExecution",
        "beforeMCPExecution",
        "beforeReadFile",
        "beforeSubmitPrompt",
        "preToolUse",
    ];

    /// <param name="blockOnFailure">Also write <c>"failClosed": true</c>, so Cursor blocks when the hook cannot run (opt-in, version-dependent).</param>
    public static void Apply(JsonObject file, string command, string path, bool blockOnFailure = false)
    {
        if (file["version"] is null) file["version"] = 1;
        else if (file["version"] is not JsonValue v || !v.TryGetValue<int>(out var version) || version != 1)
            throw new SetupException($"{path} is hooks.json version {file["version"]!.ToJsonString()}, and Palisade writes version 1 hooks; set \"version\": 1 or add the hooks by hand.");
        var hooks = JsonConfigFile.GetOrAddObject(file, "hooks", path);
        var line = $"{command} hook cursor";
        foreach (var name in Events)
        {
            var entries = JsonConfigFile.GetOrAddArray(hooks, name, path);
            var wanted = new JsonObject { ["command"] = line };
            if (blockOnFailure) wanted["failClosed"] = true;
            var ours = entries.Where(IsOurs).ToList();
            if (ours.Count == 1 && JsonNode.DeepEquals(ours[0], wanted)) continue;
            foreach (var entry in ours) entries.Remove(entry);
            entries.Add(wanted);
        }
    }

    private static bool IsOurs(JsonNode? entry) =>
        entry is JsonObject o && o["command"] is JsonValue v && v.TryGetValue<string>(out var c) && HookCommandLine.IsPalisadeHook(c, "cursor");
}
