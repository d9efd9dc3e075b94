using System.Text;
using Microsoft.AspNetCore.Http;
using Palisade.Core.Model;

namespace Palisade.Gateway.Egress.Forwarding;

/// <summary>Turns what passes through the proxy into the engine's actions: one shape for every path (plain, tunnelled, fetch, WebSocket).</summary>
public static class ProxyActions
{
    public const string Transport = "proxy";

    /// <summary>Headers whose values are protocol furniture; every other header value is judged and counts toward the session's payload.</summary>
    private static readonly HashSet<string> Standard = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Accept-Encoding", "Accept-Language", "Cache-Control", "Content-Length", "Content-Type", "Pragma", "User-Agent",
        "If-Modified-Since", "If-None-Match", "Origin", "Referer", "Sec-Fetch-Mode", "Sec-Fetch-Site", "Sec-Fetch-Dest", "Connection",
    };

    public static AgentAction Request(string method, string url, IHeaderDictionary headers, string? body, ClientInfo client)
    {
        // The URL is content too (as 'palisade scan --kind url' reads it): a secret in a query is a secret.
        var fields = new List<ContentField>(headers.Count + 2) { new("url", url) };
        foreach (var (name, values) in headers)
        {
            if (HopHeaders.IsHopByHop(name) || HopHeaders.IsWebSocketHandshake(name)) continue;
            fields.Add(new ContentField($"headers.{name}", HeaderText(name, values.ToString())));
        }
        if (!string.IsNullOrEmpty(body)) fields.Add(new ContentField("body", body));
        return new AgentAction
        {
            Kind = ActionKind.HttpRequest,
            Direction = Direction.Egress,
            Source = ActionSource.Tool,
            Transport = Transport,
            SessionId = client.Session,
            Url = url,
            Method = method,
            Fields = fields,
        };
    }

    /// <summary>
    /// How a header is judged: <c>Name: value</c>, except the credential headers, whose value is a credential by
    /// definition — there only the credential after the scheme word is judged, so a provider's key (an AWS key id, a
    /// GitHub token) sent as a bearer token is caught while an ordinary <c>Bearer</c> token to the API it belongs to is
    /// not blocked for being one (docs/decisions/010).
    /// </summary>
    public static string HeaderText(string name, string value)
    {
        if (!name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && !name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
            return $"{name}: {value}";
        var space = value.IndexOf(' ');
        return space > 0 ? value[(space + 1)..].Trim() : value;
    }

    /// <summary>A later window of a streamed request body: no URL (judged once already), only the body's text.</summary>
    public static AgentAction RequestBodyWindow(string method, string text, ClientInfo client) => new()
    {
        Kind = ActionKind.HttpRequest,
        Direction = Direction.Egress,
        Source = ActionSource.Tool,
        Transport = Transport,
        SessionId = client.Session,
        Method = method,
        Fields = [new ContentField("body", text)],
    };

    public static AgentAction Response(string url, string text, ClientInfo client, string field = "body") => new()
    {
        Kind = ActionKind.HttpResponse,
        Direction = Direction.Ingress,
        Source = ActionSource.Web,
        Transport = Transport,
        SessionId = client.Session,
        Url = url,
        Fields = [new ContentField(field, text)],
    };

    /// <summary>Text the agent sends or receives as a message (a WebSocket frame, an A2A part, the session's recent payload).</summary>
    public static AgentAction Message(IReadOnlyList<ContentField> fields, Direction direction, ClientInfo client) => new()
    {
        Kind = ActionKind.Message,
        Direction = direction,
        Source = direction == Direction.Ingress ? ActionSource.Web : ActionSource.Tool,
        Transport = Transport,
        SessionId = client.Session,
        Fields = fields,
    };

    /// <summary>
    /// The part of a request that carries data out: query values, non-standard header values and the start of the body,
    /// joined without separators so that pieces of one value sent in several requests line up again in the session buffer.
    /// </summary>
    public static string Fragment(Uri url, IHeaderDictionary headers, string? body, int maxBody = 2048)
    {
        var sb = new StringBuilder();
        var query = url.Query.TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            sb.Append(Uri.UnescapeDataString(eq >= 0 ? pair[(eq + 1)..] : pair));
        }
        foreach (var (name, values) in headers)
        {
            if (Standard.Contains(name) || HopHeaders.IsHopByHop(name) || HopHeaders.IsWebSocketHandshake(name)) continue;
            sb.Append(values.ToString());
        }
        if (!string.IsNullOrEmpty(body)) sb.Append(body.AsSpan(0, Math.Min(body.Length, maxBody)));
        return sb.ToString();
    }
}
