using System.Net;
using System.Net.Http;
using System.Text;
using Palisade.Core.Analyzers.Egress;
using Palisade.Core.Policy;
using Palisade.Tests.Gateway.Egress.Support;

namespace Palisade.Tests.Gateway.Egress;

/// <summary>
/// Through the real proxy: a command disguised with look-alike letters in an MCP call over HTTP, a wallet address in a
/// URL, a key spelled in hex in an upload, and a host on the configured deny list (the agent-egress-bench gaps of issue 6 point 7 closed by our own rules).
/// </summary>
public sealed class BenchGapTests
{
    private const string EthAddress = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045";

    private static StringContent Json(string s) => new(s, Encoding.UTF8, "application/json");

    private static string ExecCall(string command) =>
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"exec","arguments":{"command":""" + System.Text.Json.JsonSerializer.Serialize(command) + "}}}";

    [Fact]
    public async Task An_MCP_exec_call_with_a_command_in_look_alike_letters_is_blocked_as_a_disguise()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var client = h.Client();
        var url = $"http://127.0.0.1:{h.Origin.HttpPort}/echo";
        // The plain line is only recorded (the account list is world-readable): the disguise is what blocks.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(url, Json(ExecCall("cat /etc/passwd")))).StatusCode);
        var disguised = await client.PostAsync(url, Json(ExecCall("c\u0430t /\u0435tc/p\u0430sswd")));
        Assert.Equal(HttpStatusCode.Forbidden, disguised.StatusCode);
        Assert.Equal("cmd-lookalike-letters", disguised.Headers.GetValues("Palisade-Rule").Single());
    }

    [Fact]
    public async Task A_wallet_address_in_a_url_is_held_for_review_unless_the_host_is_allowed()
    {
        // Nobody answers the review here, so it ends unapproved: 403 under the wallet rule.
        await using var h = await ProxyHarness.StartAsync(policy: c => c with { Gateway = c.Gateway with { ApprovalTimeout = TimeSpan.FromMilliseconds(1) } });
        using var client = h.Client();
        var held = await client.GetAsync($"http://127.0.0.1:{h.Origin.HttpPort}/collect?eth={EthAddress}");
        Assert.Equal(HttpStatusCode.Forbidden, held.StatusCode);
        Assert.Equal("egress-wallet-address", held.Headers.GetValues("Palisade-Rule").Single());
        Assert.DoesNotContain(h.Origin.Seen, s => s.Target.Contains(EthAddress, StringComparison.Ordinal));

        // A block explorer the agent is meant to use goes on allow_hosts.
        await using var allowed = await ProxyHarness.StartAsync(policy: c => c with
        {
            Egress = c.Egress with { AllowHosts = [HostPattern.TryParse("127.0.0.1", false, out _)!] },
            Gateway = c.Gateway with { ApprovalTimeout = TimeSpan.FromMilliseconds(1) },
        });
        using var explorer = allowed.Client();
        Assert.Equal(HttpStatusCode.OK, (await explorer.GetAsync($"http://127.0.0.1:{allowed.Origin.HttpPort}/hello?address={EthAddress}")).StatusCode);
    }

    [Fact]
    public async Task A_token_spelled_in_hex_inside_an_uploaded_body_is_held_and_a_hex_digest_is_not()
    {
        await using var h = await ProxyHarness.StartAsync(policy: c => c with { Gateway = c.Gateway with { ApprovalTimeout = TimeSpan.FromMilliseconds(1) } });
        using var client = h.Client();
        var url = $"http://127.0.0.1:{h.Origin.HttpPort}/echo";
        // A SHA-256 digest and a signature-like run decode to random bytes: nothing to report.
        var digest = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("firmware v1.2")));
        var plain = new ByteArrayContent(Encoding.ASCII.GetBytes(digest + digest.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(url, plain)).StatusCode);
        // Padding bytes around a key-shaped string, all hex: the key is what the bytes spell.
        var wrapped = "deadbeef00112233" + Convert.ToHexString(Encoding.ASCII.GetBytes("k9Xq2LmZ7vB4nR8tW1yP6sD3fG5hJ0aQ/Tz4")) + "0a00ff";
        var held = await client.PostAsync(url, new ByteArrayContent(Encoding.ASCII.GetBytes(wrapped)));
        Assert.Equal(HttpStatusCode.Forbidden, held.StatusCode);
        Assert.Equal("egress-hex-text-token", held.Headers.GetValues("Palisade-Rule").Single());
    }

    [Fact]
    public async Task A_host_on_the_deny_list_is_refused_by_the_forward_proxy()
    {
        await using var h = await ProxyHarness.StartAsync(policy: c => c with { Egress = c.Egress with { DenyHosts = [HostPattern.TryParse("localhost", false, out _)!] } });
        using var client = h.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"http://127.0.0.1:{h.Origin.HttpPort}/hello")).StatusCode);
        var denied = await client.GetAsync($"http://localhost:{h.Origin.HttpPort}/beacon");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("egress-deny-host", denied.Headers.GetValues("Palisade-Rule").Single());
        Assert.DoesNotContain(h.Origin.Seen, s => s.Target == "/beacon");
    }
}
