using System.CommandLine;
using Palisade.Cli.Setup;

namespace Palisade.Cli.Commands;

/// <summary>
/// <c>palisade setup</c>: points an agent at Palisade by editing its own configuration. Each agent is a
/// subcommand built from a <see cref="SetupContext"/>; adding one is one line in <see cref="Subcommands"/>.
/// </summary>
public static class SetupCommand
{
    public static Command Create(CliConsole console) => Create(console, TimeProvider.System);

    public static Command Create(CliConsole console, TimeProvider time)
    {
        var options = new SetupOptions();
        var context = new SetupContext(console, options, new JsonConfigEditor(time));
        var command = new Command("setup", "Point an agent at Palisade: edits its settings in place, keeps every other key, backs the file up first. --dry-run shows the diff; --undo puts the backup back.")
        {
            options.DryRun, options.Undo,
        };
        foreach (var sub in Subcommands(context)) command.Subcommands.Add(sub);
        return command;
    }

    private static IEnumerable<Command> Subcommands(SetupContext context) =>
    [
        ClaudeCodeSetupCommand.Create(context),
        CursorSetupCommand.Create(context),
        Palisade.Cli.Mcp.McpSetupCommand.Create(context),
    ];
}
