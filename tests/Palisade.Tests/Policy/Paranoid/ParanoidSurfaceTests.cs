using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using Palisade.Core.Policy;
using Palisade.Core.Policy.Paranoid;
using Palisade.Tests.Gateway.Egress.Support;
using Palisade.Tests.Hooks;
using Palisade.Tests.Support;

namespace Palisade.Tests.Policy.Paranoid;

/// <summary>Paranoid mode through real surfaces: every one asks the same engine, so none needed code of its own.</summary>
[Collection("PalisadeHomeCollection")]
public sealed class ParanoidSurfaceTests : IDisposable
{
    private readonly HookHome _home = new();
    public void Dispose() => _home.Dispose();

    private static string PreToolUse(string command) =>
        $$$"""{"session_id":"3f2b","transcript_path":"/home/u/.claude/projects/p/3f2b.jsonl","cwd":"/home/u/proj","permission_mode":"default","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":{{{JsonSerializer.Serialize(command)}}}}}""";

    private void WriteConfig(string yaml)
    {
        Directory.CreateDirectory(_home.Root);
        File.WriteAllText(Path.Combine(_home.Root, "config.yaml"), yaml);
    }

    [Fact]
    public void The_claude_code_hook_asks_the_person_for_a_command_not_on_the_list_and_records_why()
    {
        WriteConfig("mode: paranoid\nparanoid:\n  allow_tools: [Bash]\n  allow_commands: [git]\n");

        var listed = _home.Run(PreToolUse("git status"), "claude-code");
        Assert.Equal(0, listed.ExitCode);
        Assert.Equal("", listed.Out); // no opinion: the agent's own permission flow goes on

        var result = _home.Run(PreToolUse("git status && terraform apply"), "claude-code");
        Assert.Equal(0, result.ExitCode);
        var output = JsonDocument.Parse(result.Out).RootElement.GetProperty("hookSpecificOutput");
        Assert.Equal("ask", output.GetProperty("permissionDecision").GetString());
        var record = _home.Verdicts()[^1];
        HookAssert.Reason(output.GetProperty("permissionDecisionReason").GetString()!,
            "held for review: paranoid mode: command 'terraform' is not on paranoid.allow_commands", ParanoidGate.RuleId, record);
        Assert.Equal("review", record.GetProperty("decision").GetString());
        var finding = Assert.Single(record.GetProperty("findings").EnumerateArray());
        Assert.Equal(("policy", "low", "terraform"), (finding.GetProperty("scanner").GetString(), finding.GetProperty("severity").GetString(), finding.GetProperty("evidence").GetString()));
    }

    [Fact]
    public void The_same_hook_event_in_enforce_mode_is_not_held()
    {
        WriteConfig("mode: enforce\nparanoid:\n  allow_commands: [git]\n");
        var result = _home.Run(PreToolUse("git status && terraform apply"), "claude-code");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("allow", _home.Verdicts()[^1].GetProperty("decision").GetString());
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public void Scan_reports_the_hold_like_any_other_finding(string format)
    {
        var result = CliRunner.Run("git status | terraform fmt -", "scan", "--mode", "paranoid", "--kind", "command", "--format", format, "-");
        Assert.Equal(1, result.ExitCode);
        var root = JsonDocument.Parse(result.Out).RootElement;
        if (format == "json")
        {
            Assert.Equal("review", root.GetProperty("decision").GetString());
            Assert.Equal(["git", "terraform"], root.GetProperty("findings").EnumerateArray()
                .Where(f => f.GetProperty("rule").GetString() == ParanoidGate.RuleId).Select(f => f.GetProperty("evidence").GetString()!).Order(StringComparer.Ordinal));
        }
        else
        {
            var results = root.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(2, results.Count(r => r.GetProperty("ruleId").GetString() == ParanoidGate.RuleId));
        }
    }

    [Fact]
    public async Task Through_the_egress_proxy_an_mcp_tool_call_to_a_trusted_origin_is_held_until_the_tool_and_command_are_listed()
    {
        // Nobody answers the review here, so it ends unapproved: 403 under the paranoid rule, and the origin never sees it.
        const string call = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"exec","arguments":{"command":"git status"}}}""";
        static StringContent Body() => new(call, Encoding.UTF8, "application/json");
        static PalisadeConfig Quick(PalisadeConfig c) => c with { Gateway = c.Gateway with { ApprovalTimeout = TimeSpan.FromMilliseconds(1) } };

        await using (var enforce = await ProxyHarness.StartAsync(policy: Quick))
        {
            using var client = enforce.Client();
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"http://127.0.0.1:{enforce.Origin.HttpPort}/echo", Body())).StatusCode);
        }

        await using (var paranoid = await ProxyHarness.StartAsync(mode: PolicyMode.Paranoid, policy: Quick))
        {
            using var client = paranoid.Client();
            var held = await client.PostAsync($"http://127.0.0.1:{paranoid.Origin.HttpPort}/echo", Body());
            Assert.Equal(HttpStatusCode.Forbidden, held.StatusCode);
            Assert.Equal(ParanoidGate.RuleId, held.Headers.GetValues("Palisade-Rule").Single());
            Assert.DoesNotContain(paranoid.Origin.Seen, s => s.Target == "/echo");
        }

        await using (var listed = await ProxyHarness.StartAsync(mode: PolicyMode.Paranoid, policy: c => Quick(c) with
                     {
                         Paranoid = new ParanoidConfig { AllowTools = ["exec"], AllowCommands = ["git"] },
                     }))
        {
            using var client = listed.Client();
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"http://127.0.0.1:{listed.Origin.HttpPort}/echo", Body())).StatusCode);
        }
    }
}
