using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Palisade.Core.Policy;
using Palisade.Tests.Gateway.Egress.Support;

namespace Palisade.Tests.Gateway.Egress;

/// <summary>Issue 6 points 6 and 8: 429 per host, every verdict recorded, monitor mode, streaming bodies in bounded windows.</summary>
public sealed class AnswerTests
{
    [Fact]
    public async Task Per_host_rate_limit_answers_429_with_retry_after_and_records_it()
    {
        await using var h = await ProxyHarness.StartAsync(o => o with { RequestsPerMinutePerHost = 2 });
        using var client = h.Client();
        var url = $"http://127.0.0.1:{h.Origin.HttpPort}/hello";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        var limited = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("palisade_rate_limited", JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Contains(h.ProxyVerdicts(), r => ProxyHarness.Str(r, "rule") == "proxy-rate-limit");
    }

    [Fact]
    public async Task In_monitor_mode_a_secret_goes_through_and_the_record_says_it_would_have_been_blocked()
    {
        await using var h = await ProxyHarness.StartAsync(mode: PolicyMode.Monitor);
        using var client = h.Client();
        var response = await client.PostAsync($"http://127.0.0.1:{h.Origin.HttpPort}/echo", new StringContent("AKIAZ3MQ7TP4XJ2LKW5N"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(h.ProxyVerdicts(), r => ProxyHarness.Str(r, "would_decide") == "block" && ProxyHarness.Str(r, "decision") != "block");
    }

    [Fact]
    public async Task A_large_upload_streams_through_unchanged_in_windows()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var client = h.Client();
        var body = new byte[5 * 1024 * 1024 + 123];
        new Random(7).NextBytes(body);
        for (var i = 0; i < body.Length; i++) body[i] = (byte)('a' + body[i] % 26);
        var response = await client.PostAsync($"http://127.0.0.1:{h.Origin.HttpPort}/echo", new ByteArrayContent(body));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(body.Length, json.GetProperty("length").GetInt64());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(body)), json.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task A_secret_across_a_window_boundary_late_in_a_large_upload_aborts_it()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var client = h.Client();
        var body = System.Text.Encoding.ASCII.GetBytes(new string('x', 3 * 1024 * 1024));
        var secret = "\naws_access_key_id=AKIAZ3MQ7TP4XJ2LKW5N\n"u8.ToArray();
        // Straddles the boundary between the first window (1 MiB) plus two 64 KiB chunks and the next chunk.
        secret.CopyTo(body, 1024 * 1024 + 2 * 64 * 1024 - 20);
        var response = await client.PostAsync($"http://127.0.0.1:{h.Origin.HttpPort}/echo", new ByteArrayContent(body));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("aws-access-key-id", response.Headers.GetValues("Palisade-Rule").Single());
    }

    [Fact]
    public async Task A_large_download_streams_through_and_injection_late_in_it_cuts_the_connection()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var client = h.Client();
        var clean = await client.GetByteArrayAsync($"http://127.0.0.1:{h.Origin.HttpPort}/text?n={2 * 1024 * 1024}");
        Assert.Equal(2 * 1024 * 1024, clean.Length);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetByteArrayAsync($"http://127.0.0.1:{h.Origin.HttpPort}/text?n={2 * 1024 * 1024}&inject=true"));
        Assert.Contains(h.ProxyVerdicts(), r => ProxyHarness.Str(r, "kind") == "http_response" && ProxyHarness.Str(r, "decision") == "block");
    }
}
