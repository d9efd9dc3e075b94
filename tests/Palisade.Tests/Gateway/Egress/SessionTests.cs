using System.Net;
using System.Security.Cryptography;
using Palisade.Gateway.Egress.Sessions;
using Palisade.Tests.Gateway.Egress.Support;

namespace Palisade.Tests.Gateway.Egress;

/// <summary>Issue 6 point 5: a secret split across requests is blocked on the completing request; the entropy budget.</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task A_secret_sent_in_two_requests_is_blocked_on_the_second_and_recorded_as_cross_request()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var client = h.Client(session: "agent-1");
        var url = $"http://127.0.0.1:{h.Origin.HttpPort}/hello";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{url}?part=AKIAZ3MQ7T")).StatusCode);
        var second = await client.GetAsync($"{url}?part=P4XJ2LKW5N");
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Equal("aws-access-key-id", second.Headers.GetValues("Palisade-Rule").Single());
        Assert.Contains(h.ProxyVerdicts(), r => ProxyHarness.Extra(r, "cross_request") == "true");
        Assert.DoesNotContain(h.Origin.Seen, s => s.Target.Contains("P4XJ2LKW5N", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sessions_are_kept_apart_by_the_session_header()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var one = h.Client(session: "agent-1");
        using var two = h.Client(session: "agent-2");
        var url = $"http://127.0.0.1:{h.Origin.HttpPort}/hello";
        Assert.Equal(HttpStatusCode.OK, (await one.GetAsync($"{url}?part=AKIAZ3MQ7T")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await two.GetAsync($"{url}?part=P4XJ2LKW5N")).StatusCode);
        // The session header is Palisade's: it is not passed on.
        Assert.All(h.Origin.Seen, s => Assert.False(s.Headers.ContainsKey("Palisade-Session")));
    }

    [Fact]
    public async Task A_session_over_its_entropy_budget_is_blocked()
    {
        await using var h = await ProxyHarness.StartAsync(o => o with { EntropyBudgetChars = 200 });
        using var client = h.Client(session: "drip");
        var url = $"http://127.0.0.1:{h.Origin.HttpPort}/hello";
        HttpStatusCode last = HttpStatusCode.OK;
        var sent = 0;
        for (var i = 0; i < 10 && last == HttpStatusCode.OK; i++, sent++)
            last = (await client.PostAsync(url.Replace("/hello", "/echo", StringComparison.Ordinal),
                new StringContent($"{{\"blob\":\"{Convert.ToBase64String(RandomNumberGenerator.GetBytes(45))}\"}}"))).StatusCode;
        Assert.Equal(HttpStatusCode.Forbidden, last);
        Assert.InRange(sent, 2, 5);
        Assert.Contains(h.ProxyVerdicts(), r => ProxyHarness.Str(r, "rule") == CrossRequestCheck.EntropyRule);
    }

    [Theory]
    [InlineData("the quick brown fox jumps over the lazy dog", 0)]
    [InlineData("2026-11-21T14:55:23Z 1234567890123456", 0)]
    [InlineData("token=q7Xv2LmP9sTz4RkW8nYb3JdF6hGc", 34)] // 6 + 28: "=" is in the base64 alphabet, so the whole run counts
    public void Entropy_meter_counts_only_random_looking_tokens(string text, int expected) =>
        Assert.Equal(expected, EntropyMeter.HighEntropyChars(text));
}
