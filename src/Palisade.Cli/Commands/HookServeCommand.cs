using System.CommandLine;
using System.Runtime.InteropServices;
using Palisade.Cli.Hooks;
using Palisade.Cli.Hooks.Helper;
using Palisade.Core.Config;

namespace Palisade.Cli.Commands;

/// <summary>
/// <c>palisade hook serve</c>: an optional helper that keeps the engine warm for hooks (docs/hooks.md, Speed). Hooks
/// work without it; with it each hook call skips building the engine.
/// </summary>
public static class HookServeCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("serve", "Keep an engine warm for 'palisade hook' (optional; hooks judge in their own process when it is not running). Stops on Ctrl+C or SIGTERM.");
        command.SetAction((_, cancel) => RunAsync(console, cancel));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, CancellationToken cancel)
    {
        if (OperatingSystem.IsWindows())
        {
            console.Error.WriteLine("palisade: the hook helper needs Unix sockets; on Windows hooks judge in their own process.");
            return ExitCodes.UsageError;
        }
        var home = PalisadeHome.FromEnvironment();
        var warm = new WarmEngine(home.ConfigFile, () => EngineFactory.Create(EngineFactory.LoadConfig(null, null)));
        try
        {
            warm.Get(); // a configuration that does not load is reported now, not at the first tool call
        }
        catch (ConfigException e)
        {
            console.Error.WriteLine($"palisade: {e.Message}");
            return ExitCodes.UsageError;
        }
        using var recorder = new HookAuditRecorder(home, TimeProvider.System);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        // Stop cleanly (and remove the socket) on Ctrl+C and on a service manager's SIGTERM.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        HookHelperServer server;
        try
        {
            server = HookHelperServer.Start(home, (agent, input) => HookCommand.Protocol(agent) is { } protocol
                ? new HookRunner(protocol, warm.Get, recorder, TimeProvider.System).Run(() => input)
                : new HookAnswer(HookAnswer.BlockingExitCode, null, $"Palisade's hook helper does not know the agent '{agent}'."));
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.Net.Sockets.SocketException)
        {
            console.Error.WriteLine($"palisade: {e.Message}");
            return ExitCodes.UsageError;
        }
        using (server)
        {
            console.Out.WriteLine($"palisade: hook helper listening at {server.SocketPath}");
            await server.RunAsync(stop.Token);
        }
        return ExitCodes.Ok;
    }
}
