using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Palisade.Tests.Gateway.Llm.Support;

/// <summary>Raw HTTP against the gateway: a streamed request read to its end, or to the error that cut it.</summary>
public static class LlmHttp
{
    public static JsonObject ChatBody(bool stream = true) => new()
    {
        ["model"] = "gpt-4o", ["stream"] = stream, ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "hi" }),
    };

    /// <summary>A streamed Anthropic Messages request saying "hi".</summary>
    public static JsonObject AnthropicStreamBody() => new()
    {
        ["model"] = "claude-sonnet-4-5", ["max_tokens"] = 10, ["stream"] = true, ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "hi" }),
    };

    /// <summary>The response (null when the connection was cut before its headers), what was read of the body, and the error that cut it.</summary>
    public static async Task<(HttpResponseMessage? Response, string Body, Exception? Error)> PostAndReadAsync(HttpClient client, string path, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(body), Version = client.DefaultRequestVersion, VersionPolicy = client.DefaultVersionPolicy,
        };
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        }
        catch (HttpRequestException e)
        {
            return (null, "", e);
        }
        var text = new StringBuilder();
        try
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            var buffer = new char[1024];
            int n;
            while ((n = await reader.ReadAsync(buffer)) > 0) text.Append(buffer, 0, n);
            return (response, text.ToString(), null);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return (response, text.ToString(), e);
        }
    }

}
