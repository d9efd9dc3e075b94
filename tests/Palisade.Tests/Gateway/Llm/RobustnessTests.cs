using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OpenAI.Chat;
using Palisade.Core.Policy;
using Palisade.Tests.Gateway.Llm.Support;

using static Palisade.Tests.Gateway.Llm.Support.LlmHttp;

namespace Palisade.Tests.Gateway.Llm;

/// <summary>Upstream errors, codings, caps, credentials, disconnects, HTTP/2 and draining.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public async Task A_body_over_the_cap_is_answered_413_with_a_reason_and_never_forwarded()
    {
        var config = PalisadeConfig.Default with { Gateway = PalisadeConfig.Default.Gateway with { MaxRequestBodyBytes = 4096 } };
        await using var rig = await LlmRig.StartAsync(config);
        var body = ChatBody(false);
        body["messages"]![0]!["content"] = new string('a', 8000);
        using var response = await rig.Gateway.Data.PostAsJsonAsync("/openai/v1/chat/completions", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("gateway-body-too-large", error["rule"]!.GetValue<string>());
        Assert.Contains("over the", error["reason"]!.GetValue<string>());
        Assert.Empty(rig.Upstream.Requests);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_blocked_in_enforce()
    {
        await using var rig = await LlmRig.StartAsync();
        using var response = await rig.Gateway.Data.PostAsync("/anthropic/v1/messages", new StringContent("{\"model\": \"claude\", \"messages\": [", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("block", response.Headers.GetValues("Palisade-Decision").Single());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("error", body["type"]!.GetValue<string>());
        Assert.Equal("gateway-unreadable-body", body["error"]!["rule"]!.GetValue<string>());
        Assert.Empty(rig.Upstream.Requests);
    }

    [Fact]
    public async Task Upstream_error_statuses_reach_the_sdk_as_the_upstream_sent_them()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = ScriptedUpstream.Json("""{"error":{"message":"Rate limit reached for gpt-4o","type":"requests","code":"rate_limit_exceeded"}}""", 429);
        var e = await Assert.ThrowsAsync<System.ClientModel.ClientResultException>(() => OpenAiChatSdkTests.Client(rig).CompleteChatAsync([new UserChatMessage("hi")]));
        Assert.Equal(429, e.Status);
        Assert.Contains("Rate limit reached", e.Message);
    }

    [Fact]
    public async Task An_answer_in_a_coding_palisade_cannot_read_is_not_forwarded_in_enforce()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = async ctx =>
        {
            ctx.Response.ContentType = "application/json";
            ctx.Response.Headers.ContentEncoding = "zstd";
            await ctx.Response.Body.WriteAsync(new byte[] { 0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3 });
        };
        using var response = await rig.Gateway.Data.PostAsJsonAsync("/openai/v1/chat/completions", ChatBody(false));
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("gateway-unscannable-encoding", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task Credentials_pass_through_untouched_and_never_reach_the_audit_log()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = ScriptedUpstream.Json(Wire.ChatWhole("ok", ("Bash", Wire.Malicious)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/openai/v1/chat/completions?api-version=1") { Content = JsonContent.Create(ChatBody(false)) };
        request.Headers.Authorization = new("Bearer", "sk-proj-secret-bearer-QmZxWvRt");
        request.Headers.Add("x-api-key", "sk-ant-secret-key-PkLnJhYu");
        using var response = await rig.Gateway.Data.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(rig.Upstream.Requests);
        Assert.Equal("Bearer sk-proj-secret-bearer-QmZxWvRt", received.Headers["authorization"]);
        Assert.Equal("sk-ant-secret-key-PkLnJhYu", received.Headers["x-api-key"]);
        Assert.Equal("/v1/chat/completions?api-version=1", received.Path);
        var audit = string.Join("\n", Directory.GetFiles(rig.Gateway.AuditDirectory, "*.jsonl", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.Contains("tool_call", audit);
        Assert.DoesNotContain("QmZxWvRt", audit); // letters outside hex: hashes and ids cannot contain them by chance
        Assert.DoesNotContain("PkLnJhYu", audit);
    }

    [Fact]
    public async Task A_client_that_goes_away_cancels_the_upstream_call()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = async ctx =>
        {
            ctx.Response.ContentType = "text/event-stream";
            await ctx.Response.WriteAsync(Wire.Event(null, JsonNode.Parse("""{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"first"},"finish_reason":null}]}""")!));
            await ctx.Response.Body.FlushAsync();
            var gone = new TaskCompletionSource();
            using (ctx.RequestAborted.Register(() => gone.TrySetResult())) await gone.Task.WaitAsync(TimeSpan.FromSeconds(30));
            rig.Upstream.ClientGone.TrySetResult();
        };
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/openai/v1/chat/completions") { Content = JsonContent.Create(ChatBody()) })
        using (var response = await rig.Gateway.Data.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            Assert.StartsWith("data:", await reader.ReadLineAsync());
        }
        await rig.Upstream.ClientGone.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task An_unknown_provider_is_answered_404_with_what_to_do()
    {
        await using var rig = await LlmRig.StartAsync();
        using var response = await rig.Gateway.Data.PostAsJsonAsync("/nosuch/v1/chat/completions", ChatBody(false));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("--provider nosuch=URL", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Http2_clients_are_served_on_the_h2c_listener_streams_included()
    {
        await using var rig = await LlmRig.StartAsync(h2c: true);
        rig.Upstream.Answer = ScriptedUpstream.Sse(Wire.Pieces(Wire.ChatStream(["over h2"], ("Bash", Wire.Malicious)), 21));
        using var client = new HttpClient { BaseAddress = rig.Gateway.Running.Urls.DataH2c, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var (response, text, error) = await PostAndReadAsync(client, "/openai/v1/chat/completions", ChatBody());
        Assert.Null(error);
        Assert.Equal(HttpVersion.Version20, response!.Version);
        Assert.Contains("over h2", text);
        Assert.Contains("Palisade blocked", text);
        Assert.DoesNotContain("s.sh", text);
        Assert.Equal(HttpVersion.Version11, (await rig.Gateway.Data.GetAsync("/healthz")).Version);
    }

    [Fact]
    public async Task An_unreachable_upstream_is_answered_502_in_the_provider_error_shape_naming_the_provider()
    {
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var config = PalisadeConfig.Default with { Gateway = PalisadeConfig.Default.Gateway with { Providers = new Dictionary<string, Uri> { ["local"] = new($"http://127.0.0.1:{closedPort}") } } };
        await using var rig = await LlmRig.StartAsync(config);
        using var response = await rig.Gateway.Data.PostAsJsonAsync("/local/v1/messages", new { model = "m", max_tokens = 5, messages = new[] { new { role = "user", content = "hi" } } });
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("error", body["type"]!.GetValue<string>());
        Assert.Contains("--provider local=URL", body["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stopping_the_gateway_lets_an_in_flight_stream_finish()
    {
        await using var rig = await LlmRig.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = Wire.ChatStream(["before", " after"]);
        var cut = stream.IndexOf("data:", stream.IndexOf("before", StringComparison.Ordinal), StringComparison.Ordinal);
        rig.Upstream.Answer = async ctx =>
        {
            ctx.Response.ContentType = "text/event-stream";
            await ctx.Response.WriteAsync(stream[..cut]);
            await ctx.Response.Body.FlushAsync();
            await release.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await ctx.Response.WriteAsync(stream[cut..]);
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/openai/v1/chat/completions") { Content = JsonContent.Create(ChatBody()) };
        using var response = await rig.Gateway.Data.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var text = new StringBuilder();
        while (!text.ToString().Contains("before", StringComparison.Ordinal)) text.AppendLine(await reader.ReadLineAsync());

        var draining = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = rig.Gateway.Running.Context.Stopping.Register(() => draining.TrySetResult());
        var stopping = rig.Gateway.Running.StopAsync();
        await draining.Task.WaitAsync(TimeSpan.FromSeconds(20));
        release.TrySetResult();
        text.Append(await reader.ReadToEndAsync());
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(" after", text.ToString());
        Assert.EndsWith("data: [DONE]\n\n", text.ToString());
    }

    [Fact]
    public async Task Other_endpoints_pass_through_and_their_request_strings_are_still_judged()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = ScriptedUpstream.Json("""{"object":"list","data":[{"id":"gpt-4o","object":"model"}]}""");
        var models = await rig.Gateway.Data.GetStringAsync("/openai/v1/models");
        Assert.Contains("gpt-4o", models);
        Assert.Equal("GET", Assert.Single(rig.Upstream.Requests).Method);

        using var embed = await rig.Gateway.Data.PostAsJsonAsync("/openai/v1/embeddings", new { model = "text-embedding-3-small", input = new[] { "config: aws_access_key_id = AKIA45KXNM4HMAX2TINB" } });
        Assert.Equal(HttpStatusCode.Forbidden, embed.StatusCode);
        Assert.Equal("palisade_blocked", JsonNode.Parse(await embed.Content.ReadAsStringAsync())!["error"]!["type"]!.GetValue<string>());
        var blocked = Assert.Single(rig.Verdicts(), v => v.GetProperty("decision").GetString() == "block");
        Assert.Equal("input[0]", blocked.GetProperty("findings")[0].GetProperty("field").GetString());
        Assert.Single(rig.Upstream.Requests);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task A_compressed_whole_answer_is_decoded_and_judged(string coding)
    {
        await using var rig = await LlmRig.StartAsync();
        var answer = Encoding.UTF8.GetBytes(Wire.ChatWhole("done", ("Bash", Wire.Malicious)));
        rig.Upstream.Answer = async ctx =>
        {
            ctx.Response.ContentType = "application/json";
            ctx.Response.Headers.ContentEncoding = coding;
            await using Stream compressed = coding == "br"
                ? new BrotliStream(ctx.Response.Body, CompressionLevel.Fastest, leaveOpen: true)
                : new ZLibStream(ctx.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await compressed.WriteAsync(answer);
        };
        using var response = await rig.Gateway.Data.PostAsJsonAsync("/openai/v1/chat/completions", ChatBody(false));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["choices"]![0]!["message"]!;
        Assert.Null(message["tool_calls"]);
        Assert.Contains("Palisade blocked a call to tool 'Bash'", message["content"]!.GetValue<string>());
    }
}
