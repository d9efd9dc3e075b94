using System.CommandLine;
using Palisade.Cli.Mcp;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade mcp -- COMMAND [ARGS…]</c> or <c>palisade mcp --upstream URL</c>: an MCP server, behind the engine.</summary>
public static class McpCommand
{
    public static Command Create(CliConsole console)
    {
        var serverCommand = new Argument<string[]>("server-command") { Description = "The stdio MCP server to launch, after '--' (e.g. -- npx -y @modelcontextprotocol/server-filesystem /tmp).", Arity = ArgumentArity.ZeroOrMore };
        var upstream = new Option<string?>("--upstream") { Description = "Bridge to a remote streamable-HTTP MCP server at this URL instead of launching one." };
        var header = new Option<string[]>("--header") { Description = "A header for --upstream, as 'Name: value' (repeatable).", AllowMultipleArgumentsPerToken = false };
        var server = new Option<string?>("--server") { Description = "An HTTP server named under 'mcp: servers:' in the configuration." };
        var name = new Option<string?>("--name") { Description = "The server's name for pins, policy and audit (default: from the command or URL)." };
        var config = new Option<string?>("--config") { Description = "Configuration file (default: $PALISADE_HOME/config.yaml, else built-in defaults)." };
        var mode = new Option<string?>("--mode") { Description = "Override the policy mode: monitor, enforce, paranoid, interactive." };
        var audit = new Option<string?>("--audit") { Description = "Audit directory (default: the configuration's, else $PALISADE_HOME/audit)." };
        var command = new Command("mcp", "Run an MCP server behind Palisade: every tool definition, call and result is judged. Also: 'palisade mcp pins'.")
        {
            serverCommand, upstream, header, server, name, config, mode, audit,
        };
        command.SetAction((p, cancel) => McpProxyRunner.RunAsync(new McpProxySettings(
            p.GetValue(serverCommand) ?? [], p.GetValue(upstream), p.GetValue(header) ?? [], p.GetValue(server), p.GetValue(name),
            p.GetValue(config), p.GetValue(mode), p.GetValue(audit)), console, cancel));
        command.Subcommands.Add(McpPinsCommand.Create(console));
        return command;
    }
}
