using System.Net;
using System.Net.Sockets;
using Palisade.Cli.Agents;
using Palisade.Cli.Agents.Discovery;

namespace Palisade.Tests.Agents;

public sealed class DiscoveryTests
{
    private sealed class FakeProcesses(params RunningProcess[] list) : IProcessSource
    {
        public IReadOnlyList<RunningProcess> List() => list;
    }

    private sealed class FakePorts(params int[] open) : IPortProbe
    {
        public bool IsListening(int port) => open.Contains(port);
    }

    private static RunningProcess P(int id, string name, string[] argv, Dictionary<string, string>? env = null) => new(id, name, argv, env);

    private static readonly RunningProcess[] Machine =
    [
        P(101, "node", ["node", "/usr/lib/node_modules/@anthropic-ai/claude-code/cli.js", "--resume"], []),
        P(102, "claude", ["/home/u/.local/bin/claude"], new() { ["ANTHROPIC_BASE_URL"] = "http://127.0.0.1:8787/anthropic" }),
        P(201, "python3", ["/usr/bin/python3", "/home/u/.local/bin/aider", "--model", "gpt-4o"], []),
        P(301, "Cursor", ["/opt/Cursor/cursor", "--type=renderer"], null),
        P(401, "python3", ["python3", "-m", "crewai", "run"], new() { ["HTTPS_PROXY"] = "http://127.0.0.1:8787" }),
        P(501, "node", ["node", "/home/u/.vscode/extensions/saoudrizwan.claude-dev-3.1.0/dist/extension.js"], []),
        P(601, "bash", ["bash", "-l"], []),
        P(602, "vim", ["vim", "notes.txt"], []),
        P(999, "palisade", ["palisade", "discover"], []),
    ];

    private static AgentDiscovery Discovery(IProcessSource processes, IPortProbe ports, Dictionary<string, string> files) =>
        new(processes, ports, AgentEndpoints.Default, path => files.GetValueOrDefault(path), "/home/u");

    [Fact]
    public void Finds_each_kind_of_agent_once_with_its_processes_and_says_how_it_is_protected()
    {
        var files = new Dictionary<string, string>
        {
            ["/home/u/.cursor/hooks.json"] = """{"version":1,"hooks":{"beforeShellExecution":[{"command":"/usr/local/bin/palisade hook cursor"}]}}""",
        };

        var result = Discovery(new FakeProcesses(Machine), new FakePorts(11434, 8787), files).Run(selfProcessId: 999);

        Assert.Equal(["Claude Code", "Cursor", "Aider", "Cline", "Python agent framework"], result.Agents.Select(a => a.Agent));
        var claude = result.Agents[0];
        Assert.Equal([101, 102], claude.ProcessIds);
        Assert.Equal(["gateway"], claude.ProtectedBy);
        Assert.Equal(["hooks (/home/u/.cursor/hooks.json)"], result.Agents[1].ProtectedBy);
        Assert.False(result.Agents[2].IsProtected);
        Assert.Equal("palisade wrap -- aider", result.Agents[2].Protect);
        Assert.Equal(["egress proxy"], result.Agents[4].ProtectedBy);
        Assert.Equal(["Ollama"], result.ModelServers.Select(m => m.Name));
        Assert.True(result.PalisadeListening);
    }

    [Fact]
    public void Claude_code_with_palisade_hooks_in_its_settings_counts_as_protected()
    {
        var files = new Dictionary<string, string>
        {
            ["/home/u/.claude/settings.json"] = """{"hooks":{"PreToolUse":[{"matcher":"*","hooks":[{"type":"command","command":"/opt/p/palisade hook claude-code"}]}]}}""",
        };

        var result = Discovery(new FakeProcesses(P(7, "claude", ["claude"], [])), new FakePorts(), files).Run(0);

        Assert.Equal(["hooks (/home/u/.claude/settings.json)"], Assert.Single(result.Agents).ProtectedBy);
        Assert.Empty(result.ModelServers);
        Assert.False(result.PalisadeListening);
    }

    [Fact]
    public void Project_settings_in_a_sessions_working_directory_count_too()
    {
        var files = new Dictionary<string, string>
        {
            ["/home/u/proj/.claude/settings.local.json"] = """{"hooks":{"PreToolUse":[{"hooks":[{"type":"command","command":"palisade hook claude-code"}]}]}}""",
        };
        var inProject = new RunningProcess(7, "claude", ["claude"], new Dictionary<string, string>(), "/home/u/proj");
        var elsewhere = new RunningProcess(8, "claude", ["claude"], new Dictionary<string, string>(), "/home/u/other");

        Assert.Equal(["hooks (/home/u/proj/.claude/settings.local.json)"], Assert.Single(Discovery(new FakeProcesses(inProject), new FakePorts(), files).Run(0).Agents).ProtectedBy);
        Assert.False(Assert.Single(Discovery(new FakeProcesses(elsewhere), new FakePorts(), files).Run(0).Agents).IsProtected);
    }

    [Fact]
    public void A_gateway_url_for_somewhere_else_is_not_protection()
    {
        var proc = P(7, "claude", ["claude"], new() { ["ANTHROPIC_BASE_URL"] = "https://api.anthropic.com" });

        var result = Discovery(new FakeProcesses(proc), new FakePorts(), []).Run(0);

        Assert.False(Assert.Single(result.Agents).IsProtected);
    }

    [Fact]
    public void The_real_process_list_holds_this_test_process_with_its_arguments()
    {
        Assert.SkipUnless(Directory.Exists("/proc"), "Needs /proc (Linux).");

        var me = new ProcFsProcessSource().List().Single(p => p.Id == Environment.ProcessId);

        Assert.NotEmpty(me.Argv);
        Assert.NotNull(me.Environment); // our own process: readable
        Assert.Equal(Path.GetFullPath(Environment.CurrentDirectory).TrimEnd('/'), me.WorkingDirectory?.TrimEnd('/'));
        Assert.All(me.Environment!.Keys, k => Assert.Contains(k, ProcFsProcessSource.WatchedVariables));
    }

    [Fact]
    public void The_real_port_probe_sees_a_listener_and_not_a_closed_port()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var open = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var closed = open; // just released: nothing listens there now
        using var live = new TcpListener(IPAddress.Loopback, 0);
        live.Start();
        var probe = new TcpPortProbe(TimeSpan.FromSeconds(2));

        Assert.True(probe.IsListening(((IPEndPoint)live.LocalEndpoint).Port));
        Assert.False(probe.IsListening(closed));
    }
}
