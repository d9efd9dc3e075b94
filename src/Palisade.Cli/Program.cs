using System.CommandLine;
using Palisade.Cli.Commands;

namespace Palisade.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, CliConsole.System);

    /// <summary>Parses and runs one command line. A usage error exits 2, as scripts expect.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        if (HookCommand.TryRunDirect(args, console, out var hookExit)) return hookExit;
        var root = new RootCommand("Palisade: a runtime firewall for AI agents.");
        foreach (var command in Commands(console)) root.Subcommands.Add(command);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) console.Error.WriteLine($"palisade: {error.Message}");
            console.Error.WriteLine("Run 'palisade --help' for usage.");
            return ExitCodes.UsageError;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = null });
    }

    private static IEnumerable<Command> Commands(CliConsole console) =>
    [
        ScanCommand.Create(console),
        ConfigCommand.Create(console),
        EvalCommand.Create(console),
        AuditCommand.Create(console),
        McpCommand.Create(console),
        RunCommand.Create(console),
        SetupCommand.Create(console),
        HookCommand.Create(console),
        EnvCommand.Create(console),
        WrapCommand.Create(console),
        DiscoverCommand.Create(console),
        CaCommand.Create(console),
    ];
}
