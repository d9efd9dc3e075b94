namespace Palisade.Gateway.Egress.Forwarding;

/// <summary>Headers that belong to one connection (RFC 9110 §7.6.1) or to Palisade, never forwarded.</summary>
public static class HopHeaders
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authorization", "Proxy-Authenticate", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Host", ClientInfo.SessionHeader,
    };

    /// <summary>WebSocket handshake headers the relay sets itself (extensions are dropped so frames stay uncompressed and scannable).</summary>
    private static readonly HashSet<string> WebSocketNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Sec-WebSocket-Key", "Sec-WebSocket-Version", "Sec-WebSocket-Extensions", "Sec-WebSocket-Protocol", "Sec-WebSocket-Accept",
    };

    public static bool IsHopByHop(string name) => Names.Contains(name);

    public static bool IsWebSocketHandshake(string name) => WebSocketNames.Contains(name);
}
