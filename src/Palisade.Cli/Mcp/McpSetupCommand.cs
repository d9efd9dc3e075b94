using System.CommandLine;
using Palisade.Cli.Setup;

namespace Palisade.Cli.Mcp;

/// <summary><c>palisade setup mcp</c>: puts every MCP server of a client's configuration behind <c>palisade mcp</c>.</summary>
public static class McpSetupCommand
{
    public static Command Create(SetupContext context)
    {
        var config = new Option<string?>("--config") { Description = "The MCP client configuration to edit (default: the first of ./.mcp.json, ~/.cursor/mcp.json, Claude Desktop's claude_desktop_config.json that exists)." };
        var command = new Option<string?>("--command") { Description = "The palisade program the client should start (default: this palisade)." };
        var setup = new Command("mcp", "Launch each MCP server of a client's configuration (Claude Code .mcp.json, Claude Desktop, Cursor mcp.json) through 'palisade mcp'.")
        {
            config, command,
        };
        setup.SetAction(p =>
        {
            var path = p.GetValue(config) ?? DefaultPath();
            if (path is null)
            {
                context.Console.Error.WriteLine($"palisade: no MCP client configuration found (looked for {string.Join(", ", Candidates())}); pass --config PATH.");
                return ExitCodes.UsageError;
            }
            var launch = p.GetValue(command) is { } c ? new McpLaunch(c, []) : McpLaunch.ForThisProcess();
            var notes = new List<string>();
            var code = SetupReport.Run(context.Console, context.Editor, path, root => McpServersEdit.Apply(root, launch, path, notes),
                p.GetValue(context.Options.DryRun), p.GetValue(context.Options.Undo), "MCP servers");
            foreach (var note in notes) context.Console.Out.WriteLine($"  note: {note}");
            return code;
        });
        return setup;
    }

    private static string? DefaultPath() => Candidates().FirstOrDefault(File.Exists);

    private static IEnumerable<string> Candidates()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        yield return Path.Combine(Environment.CurrentDirectory, ".mcp.json");
        yield return Path.Combine(home, ".cursor", "mcp.json");
        if (OperatingSystem.IsMacOS()) yield return Path.Combine(home, "Library", "Application Support", "Claude", "claude_desktop_config.json");
        else if (OperatingSystem.IsWindows()) yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "Claude", "claude_desktop_config.json");
        else yield return Path.Combine(home, ".config", "Claude", "claude_desktop_config.json");
    }
}
