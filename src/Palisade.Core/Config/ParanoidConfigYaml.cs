using System.Text;
using Palisade.Core.Policy.Paranoid;

namespace Palisade.Core.Config;

/// <summary>Reads and writes the <c>paranoid:</c> section strictly: unknown keys, non-lists, empty or malformed entries are errors.</summary>
public static class ParanoidConfigYaml
{
    public static ParanoidConfig Read(YamlNode node)
    {
        var config = new ParanoidConfig
        {
            AllowCommands = List(node, "allow_commands", CommandError),
            AllowPaths = List(node, "allow_paths", _ => null),
            AllowTools = List(node, "allow_tools", ToolError),
        };
        node.RejectUnknownKeys();
        return config;
    }

    public static void Write(StringBuilder sb, ParanoidConfig c)
    {
        // Printed even when empty: in paranoid mode the empty lists are what holds everything for review.
        sb.AppendLine("paranoid:");
        Entries(sb, "allow_commands", c.AllowCommands);
        Entries(sb, "allow_paths", c.AllowPaths);
        Entries(sb, "allow_tools", c.AllowTools);
    }

    private static void Entries(StringBuilder sb, string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            sb.AppendLine($"  {key}: []");
            return;
        }
        sb.AppendLine($"  {key}:");
        foreach (var v in values) sb.AppendLine($"    - '{v.Replace("'", "''", StringComparison.Ordinal)}'");
    }

    private static IReadOnlyList<string> List(YamlNode node, string key, Func<string, string?> check)
    {
        if (node.Get(key) is not { } list) return [];
        if (!list.IsSequence) throw list.Error($"'{key}' must be a list, e.g. {key}: ['{Example(key)}'].");
        var values = new List<string>();
        foreach (var item in list.Items())
        {
            var value = item.AsString();
            if (value.Trim().Length == 0) throw item.Error($"an entry of '{key}' is empty; remove it or write a value such as '{Example(key)}'.");
            if (check(value) is { } error) throw item.Error(error);
            values.Add(value);
        }
        return values;
    }

    private static string? CommandError(string name) =>
        name.AsSpan().IndexOfAny('/', '\\') >= 0 ? $"'{name}' is a path; allow_commands takes program names (write 'git', which also covers /usr/bin/git)."
        : name.AsSpan().IndexOfAny('*', '?', '[') >= 0 ? $"'{name}' is a pattern; allow_commands takes exact program names such as 'git'."
        : name.Any(char.IsWhiteSpace) ? $"'{name}' holds a space; allow_commands takes one program name per entry, without arguments."
        : null;

    private static string? ToolError(string name)
    {
        var star = name.IndexOf('*');
        if (star >= 0 && star != name.Length - 1) return $"'{name}' has a '*' before its end; allow_tools takes exact names or a prefix ending in '*' such as 'mcp__filesystem__*'.";
        return name == "*" ? "'*' would allow every tool; list the tools (or a prefix such as 'mcp__filesystem__*') paranoid mode may run." : null;
    }

    private static string Example(string key) => key switch
    {
        "allow_commands" => "git",
        "allow_paths" => "~/src/**",
        _ => "mcp__filesystem__*",
    };
}
