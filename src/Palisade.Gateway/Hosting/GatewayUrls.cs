namespace Palisade.Gateway.Hosting;

/// <summary>The base URLs the planes actually listen on (after port 0 was resolved); <paramref name="DataH2c"/> when an HTTP/2 cleartext listener was asked for.</summary>
public sealed record GatewayUrls(Uri Data, Uri Admin, Uri? DataH2c = null);
