using System.CommandLine;
using Palisade.Core.Config;

namespace Palisade.Cli.Agents;

/// <summary>The flags <c>palisade env</c> and <c>palisade wrap</c> share, and the environment they compute.</summary>
public sealed class EnvOptions
{
    public Option<string?> Gateway { get; } = new("--gateway") { Description = $"The gateway's address (default {AgentEndpoints.DefaultGateway})." };
    public Option<string?> Proxy { get; } = new("--proxy") { Description = $"The egress proxy's address (default {AgentEndpoints.DefaultProxy})." };
    public Option<bool?> Intercept { get; } = new("--intercept")
    {
        Description = "Set the CA variables for TLS interception (default: on when $PALISADE_HOME/ca/palisade-ca.pem exists; --intercept false turns it off).",
    };

    public IEnumerable<Option> All => [Gateway, Proxy, Intercept];

    /// <summary>The variables for this invocation; throws <see cref="ArgumentException"/> or <see cref="FileNotFoundException"/> with a message for the person.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Resolve(ParseResult parse, out string? warning)
    {
        var endpoints = new AgentEndpoints(
            AgentEndpoints.Parse(parse.GetValue(Gateway) ?? AgentEndpoints.DefaultGateway, "--gateway"),
            AgentEndpoints.Parse(parse.GetValue(Proxy) ?? AgentEndpoints.DefaultProxy, "--proxy"));
        var home = PalisadeHome.FromEnvironment();
        return AgentEnvironment.For(endpoints, home, AgentEnvironment.InterceptionOn(home, parse.GetValue(Intercept)), CaBundle.SystemBundles, out warning);
    }
}
