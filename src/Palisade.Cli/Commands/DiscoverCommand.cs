using System.CommandLine;
using Palisade.Cli.Agents;
using Palisade.Cli.Agents.Discovery;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade discover</c>: which AI agents and local model servers run here, and which Palisade protects.</summary>
public static class DiscoverCommand
{
    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "text (default) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var gateway = new Option<string?>("--gateway") { Description = $"The gateway's address (default {AgentEndpoints.DefaultGateway})." };
        var proxy = new Option<string?>("--proxy") { Description = $"The egress proxy's address (default {AgentEndpoints.DefaultProxy})." };
        var command = new Command("discover", "List AI agents and local model servers running on this machine, and say which are protected.") { format, gateway, proxy };
        command.SetAction(p =>
        {
            AgentEndpoints endpoints;
            try
            {
                endpoints = new AgentEndpoints(
                    AgentEndpoints.Parse(p.GetValue(gateway) ?? AgentEndpoints.DefaultGateway, "--gateway"),
                    AgentEndpoints.Parse(p.GetValue(proxy) ?? AgentEndpoints.DefaultProxy, "--proxy"));
            }
            catch (ArgumentException e)
            {
                console.Error.WriteLine($"palisade: {e.Message}");
                return ExitCodes.UsageError;
            }
            var discovery = new AgentDiscovery(new ProcFsProcessSource(), new TcpPortProbe(TimeSpan.FromMilliseconds(300)), endpoints,
                ReadIfPresent, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
            var result = discovery.Run(Environment.ProcessId);
            if (p.GetValue(format) == "json") DiscoveryReport.WriteJson(console.Out, result);
            else DiscoveryReport.WriteText(console.Out, result, endpoints);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string? ReadIfPresent(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
