using Microsoft.AspNetCore.Http;

namespace Palisade.Gateway.Egress;

/// <summary>
/// Who is talking through the proxy. The session is the <c>Palisade-Session</c> header when the agent sends one
/// (several agents behind one address stay apart), else the client's address: cross-request scanning and the entropy
/// budget are per session.
/// </summary>
public sealed record ClientInfo(string Session, string Address)
{
    public const string SessionHeader = "Palisade-Session";

    public static ClientInfo From(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var header = http.Request.Headers[SessionHeader].ToString();
        return new ClientInfo(Valid(header) ? header : $"addr:{address}", address);
    }

    public static ClientInfo From(string? sessionHeader, string address) =>
        new(Valid(sessionHeader) ? sessionHeader! : $"addr:{address}", address);

    private static bool Valid(string? s) => !string.IsNullOrEmpty(s) && s.Length <= 128 && s.All(c => c is > ' ' and < (char)127);
}
