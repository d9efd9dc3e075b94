namespace Palisade.Cli.Mcp;

/// <summary>
/// How an MCP client should start this palisade: a program and the arguments before <c>mcp</c>. MCP clients start
/// servers without a shell, so unlike a hook line this is an argument vector, not a quoted string.
/// </summary>
public sealed record McpLaunch(string Command, IReadOnlyList<string> PrefixArgs)
{
    public static McpLaunch ForThisProcess() => For(Environment.ProcessPath, AppContext.BaseDirectory);

    internal static McpLaunch For(string? processPath, string baseDirectory)
    {
        var name = Path.GetFileNameWithoutExtension(processPath ?? "");
        if (name.Equals("palisade", StringComparison.OrdinalIgnoreCase)) return new(processPath!, []);
        var dll = Path.Combine(baseDirectory, "palisade.dll");
        if (name.Equals("dotnet", StringComparison.OrdinalIgnoreCase) && File.Exists(dll)) return new(processPath!, [dll]);
        return new("palisade", []);
    }

    /// <summary>True when a server entry already starts <c>palisade mcp</c> (whatever path it was set up with).</summary>
    public static bool IsWrapped(string? command, IReadOnlyList<string> args) =>
        command is not null
        && (Path.GetFileNameWithoutExtension(command).Equals("palisade", StringComparison.OrdinalIgnoreCase) && args.FirstOrDefault() == "mcp"
            || args.Count >= 2 && args[0].EndsWith("palisade.dll", StringComparison.OrdinalIgnoreCase) && args[1] == "mcp");
}
