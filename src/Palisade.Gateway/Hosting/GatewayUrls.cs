namespace Palisade.Gateway.Hosting;

/// <summary>The base URLs the planes actually listen on (after port 0 was resolved).</summary>
public sealed record GatewayUrls(Uri Data, Uri Admin);
