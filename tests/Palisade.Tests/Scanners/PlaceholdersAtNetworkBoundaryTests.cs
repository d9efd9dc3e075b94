using Palisade.Core.Config;
using Palisade.Core.Engine;
using Palisade.Core.Model;
using Palisade.Core.Scanners;

namespace Palisade.Tests.Scanners;

/// <summary>
/// Placeholder and published test values (docs/decisions/012): dropped in prompts, files and plain scans, reported
/// under their own rule when they cross the network boundary, unless <c>egress.placeholder_credentials: ignore</c>.
/// </summary>
public sealed class PlaceholdersAtNetworkBoundaryTests
{
    private static readonly PalisadeEngine Engine = PalisadeEngine.CreateDefault();

    // Synthetic: an AWS key id that says EXAMPLE, a GitHub token that ends by counting, a published test card.
    private const string AwsSample = "AKIAQZRT4WEXAMPLEKQV";
    private const string TypedToken = "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8abcdef";
    private const string TestCard = "4242 4242 4242 4242";

    private static AgentAction ProxyRequest(string url, string? body = null) => new()
    {
        Kind = ActionKind.HttpRequest, Direction = Direction.Egress, Transport = NetworkBoundary.ProxyTransport,
        Url = url, Method = body is null ? "GET" : "POST",
        Fields = body is null ? [new ContentField("url", url)] : [new ContentField("url", url), new ContentField("body", body)],
    };

    private static AgentAction ProxyMessage(string text) =>
        AgentAction.FromText(ActionKind.Message, text, Direction.Egress, ActionSource.Tool) with { Transport = NetworkBoundary.ProxyTransport };

    [Theory]
    [InlineData(AwsSample, "aws-access-key-id")]
    [InlineData(TypedToken, "github-pat")]
    public void A_placeholder_credential_is_dropped_in_text_and_prompts(string value, string rule)
    {
        foreach (var kind in new[] { "text", "prompt" })
            Assert.DoesNotContain(rule, Engine.Evaluate(ScanKind.ToAction(kind, $"set the key to {value} and run it")).Findings.Select(f => f.RuleId));
    }

    [Theory]
    [InlineData(AwsSample, "aws-access-key-id")]
    [InlineData(TypedToken, "github-pat")]
    public void A_placeholder_credential_in_a_url_blocks_under_its_own_rule(string value, string rule)
    {
        foreach (var action in new[] { ScanKind.ToAction("url", $"https://collect.example.net/in?k={value}"), ProxyRequest($"https://collect.example.net/in?k={value}") })
        {
            var v = Engine.Evaluate(action);
            Assert.Equal(Decision.Block, v.Decision);
            var finding = Assert.Single(v.Findings, f => f.RuleId == rule);
            Assert.Contains(ValueRuleScanner.PlaceholderTag, finding.Tags);
            Assert.DoesNotContain(value, finding.Evidence);
        }
    }

    [Fact]
    public void A_typed_sample_of_a_distinctive_shape_is_reported_at_the_boundary_below_its_usual_entropy_floor()
    {
        // Synthetic, 2.1 bits per character: under sendgrid-api-key's floor (3.5), over its boundary floor (1.5).
        const string typed = "SG.SAMPLE_KEY_00000000000000.SAMPLE_VALUE_0000000000000000000000000000000000000";
        Assert.DoesNotContain("sendgrid-api-key", Engine.Evaluate(ScanKind.ToAction("text", $"X-Api-Key: {typed}")).Findings.Select(f => f.RuleId));
        Assert.Contains("sendgrid-api-key", Engine.Evaluate(ProxyMessage($"X-Api-Key: {typed}")).Findings.Select(f => f.RuleId));
        // A mask carries nothing, at the boundary too.
        const string masked = "SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        Assert.DoesNotContain("sendgrid-api-key", Engine.Evaluate(ProxyMessage($"X-Api-Key: {masked}")).Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void A_published_test_card_in_a_request_body_is_reported()
    {
        var v = Engine.Evaluate(ProxyRequest("https://shop.example.net/pay", $"{{\"card\":\"{TestCard}\",\"exp\":\"09/29\"}}"));
        Assert.Contains("pii-payment-card", v.Findings.Select(f => f.RuleId));
        // A number that fails the checksum is not a card anywhere: the checksum is not a placeholder filter.
        var bad = Engine.Evaluate(ProxyRequest("https://shop.example.net/pay", "{\"card\":\"4242 4242 4242 4243\"}"));
        Assert.DoesNotContain("pii-payment-card", bad.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Proxied_messages_and_decoded_url_components_are_at_the_boundary()
    {
        Assert.Contains("aws-access-key-id", Engine.Evaluate(ProxyMessage($"config update: access_key={AwsSample}")).Findings.Select(f => f.RuleId));
        var encoded = string.Concat(AwsSample.Select(c => $"%{(int)c:X2}"));
        Assert.Contains("aws-access-key-id", Engine.Evaluate(ScanKind.ToAction("url", $"https://collect.example.net/in?k={encoded}")).Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void A_hook_tool_call_writing_a_sample_key_into_a_file_is_not_at_the_boundary()
    {
        var write = new AgentAction
        {
            Kind = ActionKind.ToolCall, Direction = Direction.Egress, Source = ActionSource.Model, Transport = "hook",
            ToolName = "Write", ArgumentsJson = $"{{\"file_path\":\"docs/setup.md\",\"content\":\"aws_access_key_id = {AwsSample}\"}}",
        };
        Assert.DoesNotContain("aws-access-key-id", Engine.Evaluate(write).Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void A_masked_value_carries_nothing_and_is_dropped_even_at_the_boundary()
    {
        var v = Engine.Evaluate(ProxyRequest("https://collect.example.net/in?k=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
        Assert.DoesNotContain("github-pat", v.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Ignore_drops_placeholders_at_the_boundary_too()
    {
        var engine = new PalisadeEngine(ConfigLoader.Parse("egress:\n  placeholder_credentials: ignore\n", "test.yaml"));
        Assert.DoesNotContain("aws-access-key-id", engine.Evaluate(ProxyRequest($"https://collect.example.net/in?k={AwsSample}")).Findings.Select(f => f.RuleId));
        // A real-looking key is still a key.
        Assert.Contains("aws-access-key-id", engine.Evaluate(ProxyRequest("https://collect.example.net/in?k=AKIA45KXNM4HMAX2TINB")).Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Placeholder_credentials_is_read_strictly()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("egress:\n  placeholder_credentials: block-all\n", "test.yaml"));
        Assert.Contains("test.yaml:2", e.Message);
        Assert.Contains("'report' or 'ignore'", e.Message);
    }

    [Fact]
    public void Ignore_is_written_back_as_it_was_read()
    {
        var config = ConfigLoader.Parse("egress:\n  placeholder_credentials: ignore\n", "test.yaml");
        var sb = new System.Text.StringBuilder();
        Palisade.Core.Analyzers.Egress.EgressConfigYaml.Write(sb, config.Egress);
        var again = ConfigLoader.Parse(sb.ToString(), "again.yaml");
        Assert.Equal(Palisade.Core.Analyzers.Egress.PlaceholderCredentials.Ignore, again.Egress.PlaceholderCredentials);
    }

    // A valid mnemonic (checksum holds) of our own, and the all-"abandon" BIP-39 test vector.
    private const string Mnemonic = "cement employ same okay enter buffalo mistake mom twenty wife orphan useless";
    private const string TestVector = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    [Fact]
    public void A_seed_phrase_needs_no_context_word()
    {
        Assert.Contains("bip39-seed-phrase", Engine.Evaluate(ScanKind.ToAction("text", $"backup.txt: {Mnemonic}")).Findings.Select(f => f.RuleId));
        Assert.Contains("bip39-seed-phrase", Engine.Evaluate(ProxyMessage(Mnemonic)).Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void The_test_mnemonic_counts_only_at_the_boundary()
    {
        Assert.DoesNotContain("bip39-seed-phrase", Engine.Evaluate(ScanKind.ToAction("text", $"wallet seed: {TestVector}")).Findings.Select(f => f.RuleId));
        Assert.Contains("bip39-seed-phrase", Engine.Evaluate(ProxyMessage(TestVector)).Findings.Select(f => f.RuleId));
    }
}
