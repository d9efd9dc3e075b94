namespace Palisade.Cli.Agents;

/// <summary>
/// The certificates an intercepted agent must trust. <c>SSL_CERT_FILE</c>, <c>REQUESTS_CA_BUNDLE</c> and
/// <c>CURL_CA_BUNDLE</c> replace a client's trust store rather than add to it, so they point at a bundle of the
/// system's roots plus Palisade's CA: hosts the proxy passes through untouched still verify.
/// </summary>
public static class CaBundle
{
    public const string CaFileName = "palisade-ca.pem";
    public const string BundleFileName = "palisade-bundle.pem";

    /// <summary>Where distributions keep the system's roots as one PEM file, most common first.</summary>
    public static readonly IReadOnlyList<string> SystemBundles =
    [
        "/etc/ssl/certs/ca-certificates.crt",
        "/etc/pki/tls/certs/ca-bundle.crt",
        "/etc/ssl/ca-bundle.pem",
        "/etc/ssl/cert.pem",
    ];

    public static string CaPath(string home) => Path.Combine(home, "ca", CaFileName);

    /// <summary>
    /// The system roots followed by Palisade's CA, rewritten when the CA is newer than the bundle; the CA alone
    /// (with <paramref name="warning"/> set) when no system bundle is found.
    /// </summary>
    public static string Ensure(string home, IReadOnlyList<string> systemBundles, out string? warning)
    {
        warning = null;
        var ca = CaPath(home);
        var system = systemBundles.FirstOrDefault(File.Exists);
        if (system is null)
        {
            warning = "no system certificate bundle was found, so clients that read SSL_CERT_FILE trust only Palisade's CA.";
            return ca;
        }
        var bundle = Path.Combine(home, "ca", BundleFileName);
        if (!File.Exists(bundle) || File.GetLastWriteTimeUtc(bundle) < File.GetLastWriteTimeUtc(ca) || File.GetLastWriteTimeUtc(bundle) < File.GetLastWriteTimeUtc(system))
        {
            var text = File.ReadAllText(system).TrimEnd() + "\n" + File.ReadAllText(ca).TrimEnd() + "\n";
            Setup.AtomicFile.WriteAllText(bundle, text);
        }
        return bundle;
    }
}
