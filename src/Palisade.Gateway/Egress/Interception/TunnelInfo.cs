namespace Palisade.Gateway.Egress.Interception;

/// <summary>What a tunnel was opened to (and judged for), for the requests read out of it.</summary>
public sealed record TunnelInfo(string Host, int Port, string Scheme, ClientInfo Client);
