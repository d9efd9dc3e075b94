using System.Text.Json;

namespace Palisade.Tests.Hooks;

/// <summary>Checks a hook's answer against the agent's documented schema, key for key.</summary>
public static class HookAssert
{
    /// <summary>The answer is one JSON object with exactly these keys (nested objects as "parent.child").</summary>
    public static JsonElement Keys(string stdout, params string[] keys)
    {
        var root = JsonDocument.Parse(stdout).RootElement.Clone();
        Assert.Equal(keys.Order(StringComparer.Ordinal), Flatten(root, "").Order(StringComparer.Ordinal));
        return root;
    }

    private static IEnumerable<string> Flatten(JsonElement e, string at) =>
        e.EnumerateObject().SelectMany(p =>
            p.Value.ValueKind == JsonValueKind.Object ? Flatten(p.Value, $"{at}{p.Name}.") : [$"{at}{p.Name}"]);

    /// <summary>A reason names the rule, says what happened, and cites the audit record of this very verdict.</summary>
    public static void Reason(string reason, string opening, string rule, JsonElement record)
    {
        Assert.StartsWith($"Palisade: {opening}", reason);
        Assert.Contains(rule, reason);
        Assert.Equal(rule, record.GetProperty("rule").GetString());
        Assert.EndsWith($"(audit event {record.GetProperty("event_id").GetString()})", reason);
    }
}
