using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace Palisade.Gateway.Llm.Forwarding;

/// <summary>
/// The request to the upstream: same method and headers (credentials such as <c>Authorization</c> and <c>x-api-key</c>
/// pass through untouched and are never logged), the scanned body, and <c>Accept-Encoding: identity</c> so the answer can
/// be read as it streams.
/// </summary>
public static class UpstreamRequest
{
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
        "Content-Length", "Content-Encoding", "Accept-Encoding", "Expect",
    };

    public static HttpRequestMessage Create(HttpRequest request, Uri target, ReadOnlyMemory<byte>? body)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), target)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrHigher,
        };
        if (body is { } bytes && (bytes.Length > 0 || HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)))
            message.Content = new ReadOnlyMemoryContent(bytes);
        foreach (var (name, values) in request.Headers)
        {
            if (NotForwarded.Contains(name) || name.StartsWith(':')) continue;
            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }
        message.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
        return message;
    }

    /// <summary>Copies status and headers to the client, minus hop-by-hop ones and those the gateway recomputes.</summary>
    public static void CopyResponseHead(HttpResponseMessage upstream, HttpResponse response, bool bodyChanges)
    {
        response.StatusCode = (int)upstream.StatusCode;
        foreach (var (name, values) in upstream.Headers) Copy(name, values);
        foreach (var (name, values) in upstream.Content.Headers)
        {
            if (bodyChanges && (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))) continue;
            Copy(name, values);
        }

        void Copy(string name, IEnumerable<string> values)
        {
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase) || name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase)) return;
            response.Headers[name] = values.ToArray();
        }
    }
}
