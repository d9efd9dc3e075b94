using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Palisade.Gateway.Egress.Interception;

/// <summary>
/// Leaf certificates for intercepted hosts, minted on first use and cached (bounded). One P-256 key serves every leaf
/// (minting is then one signature); each leaf lives 30 days, names its one host (DNS or IP SAN) and is for server auth.
/// </summary>
public sealed class LeafCertificateCache(CertificateAuthority authority, TimeProvider time)
{
    private const int MaxEntries = 2048;
    private readonly ECDsa _leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ConcurrentDictionary<string, Lazy<(SslStreamCertificateContext Context, DateTimeOffset Expires)>> _cache = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _cache.Count;

    public SslStreamCertificateContext For(string host)
    {
        if (_cache.TryGetValue(host, out var hit) && hit.Value.Expires > time.GetUtcNow().AddDays(1)) return hit.Value.Context;
        if (_cache.Count >= MaxEntries) _cache.Clear();
        var entry = new Lazy<(SslStreamCertificateContext, DateTimeOffset)>(() => Mint(host));
        _cache[host] = entry;
        return entry.Value.Item1;
    }

    private (SslStreamCertificateContext, DateTimeOffset) Mint(string host)
    {
        var request = new CertificateRequest($"CN={(host.Length > 64 ? host[..64] : host)}", _leafKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        if (IPAddress.TryParse(host, out var ip)) san.AddIpAddress(ip);
        else san.AddDnsName(host);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority.Certificate, true, false));
        var now = time.GetUtcNow();
        var expires = now.AddDays(30);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var signed = request.Create(authority.Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(authority.Key), now.AddHours(-1), expires, serial);
        var leaf = signed.CopyWithPrivateKey(_leafKey);
        return (SslStreamCertificateContext.Create(leaf, new X509Certificate2Collection(authority.Certificate), offline: true), expires);
    }
}
