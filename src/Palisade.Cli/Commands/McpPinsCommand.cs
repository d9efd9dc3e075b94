using System.CommandLine;
using Palisade.Core.Config;
using Palisade.Mcp.Pinning;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade mcp pins list|show|approve|reset</c>: the pinned MCP tool definitions in <c>$PALISADE_HOME/state.db</c>.</summary>
public static class McpPinsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("pins", "Pinned MCP tool definitions: list them, show a pending change, approve it, or forget a server's pins.");

        var listServer = new Argument<string?>("server") { Description = "Only this server.", Arity = ArgumentArity.ZeroOrOne };
        var list = new Command("list", "One line per pinned tool; 'pending' marks a change waiting for approval.") { listServer };
        list.SetAction(p => Run(console, store =>
        {
            var pins = store.List(p.GetValue(listServer));
            if (pins.Count == 0) console.Out.WriteLine("no pinned MCP tools.");
            foreach (var pin in pins)
                console.Out.WriteLine($"{pin.Server}\t{pin.Tool}\t{(pin.IsPending ? "pending: " + pin.PendingReason : "pinned")}\t{(pin.Hash.Length > 0 ? pin.Hash[..19] : "(never approved)")}");
            return ExitCodes.Ok;
        }));

        var showServer = new Argument<string>("server");
        var showTool = new Argument<string?>("tool") { Arity = ArgumentArity.ZeroOrOne };
        var show = new Command("show", "The pinned definitions of a server (or one tool), with a diff for every pending change.") { showServer, showTool };
        show.SetAction(p => Run(console, store =>
        {
            var pins = store.List(p.GetValue(showServer)).Where(t => p.GetValue(showTool) is not { } tool || t.Tool == tool).ToList();
            if (pins.Count == 0) return NotFound(console, p.GetValue(showServer), p.GetValue(showTool));
            foreach (var pin in pins)
            {
                console.Out.WriteLine($"== {pin.Server} / {pin.Tool}: {(pin.IsPending ? $"PENDING since {pin.PendingSince:u} — {pin.PendingReason}" : $"pinned {pin.PinnedAt:u}")}");
                if (pin.IsPending) console.Out.Write(DefinitionDiff.Unified(pin.Definition, pin.PendingDefinition!));
                else console.Out.WriteLine(pin.Definition);
            }
            return ExitCodes.Ok;
        }));

        var approveServer = new Argument<string>("server");
        var approveTool = new Argument<string?>("tool") { Arity = ArgumentArity.ZeroOrOne };
        var approve = new Command("approve", "Accept a server's pending definitions (or one tool's) as the new pins.") { approveServer, approveTool };
        approve.SetAction(p => Run(console, store =>
        {
            var n = store.Approve(p.GetValue(approveServer)!, p.GetValue(approveTool));
            if (n == 0)
            {
                console.Error.WriteLine($"palisade: nothing is pending for '{p.GetValue(approveServer)}{(p.GetValue(approveTool) is { } t ? "/" + t : "")}'; 'palisade mcp pins list' shows what is.");
                return ExitCodes.Stopped;
            }
            console.Out.WriteLine($"approved {n} definition{(n == 1 ? "" : "s")}.");
            return ExitCodes.Ok;
        }));

        var resetServer = new Argument<string?>("server") { Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Forget every server's pins." };
        var reset = new Command("reset", "Forget a server's pins; its next tool list is pinned afresh (trust on first use).") { resetServer, all };
        reset.SetAction(p => Run(console, store =>
        {
            var server = p.GetValue(resetServer);
            if (server is null == !p.GetValue(all))
            {
                console.Error.WriteLine("palisade: give a server name, or --all to forget every pin.");
                return ExitCodes.UsageError;
            }
            console.Out.WriteLine($"removed {store.Reset(server)} pin(s).");
            return ExitCodes.Ok;
        }));

        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        command.Subcommands.Add(approve);
        command.Subcommands.Add(reset);
        return command;
    }

    private static int NotFound(CliConsole console, string? server, string? tool)
    {
        console.Error.WriteLine($"palisade: no pins for '{server}{(tool is null ? "" : "/" + tool)}'; 'palisade mcp pins list' shows the pinned servers.");
        return ExitCodes.Stopped;
    }

    private static int Run(CliConsole console, Func<PinStore, int> body)
    {
        var home = PalisadeHome.FromEnvironment();
        try
        {
            PalisadeHome.EnsurePrivateDirectory(home.Root);
            return body(new PinStore(home.StateDatabase, TimeProvider.System));
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"palisade: cannot open the pin store {home.StateDatabase}: {e.Message}");
            return ExitCodes.UsageError;
        }
    }
}
