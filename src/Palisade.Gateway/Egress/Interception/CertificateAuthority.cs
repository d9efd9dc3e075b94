using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Palisade.Gateway.Egress.Interception;

/// <summary>
/// The local CA that signs interception leaves: an ECDSA P-256 certificate at <c>$PALISADE_HOME/ca/palisade-ca.pem</c>
/// and its key beside it (0600). Made once by <c>palisade ca init</c>; the user decides whether to trust it.
/// </summary>
public sealed class CertificateAuthority : IDisposable
{
    public const string CertificateFile = "palisade-ca.pem";
    public const string KeyFile = "palisade-ca.key";

    private CertificateAuthority(X509Certificate2 certificate, ECDsa key, string directory)
    {
        Certificate = certificate;
        Key = key;
        Directory = directory;
    }

    public X509Certificate2 Certificate { get; }
    public ECDsa Key { get; }
    public string Directory { get; }
    public string CertificatePath => Path.Combine(Directory, CertificateFile);

    public static string DefaultDirectory(string home) => Path.Combine(home, "ca");

    public static bool Exists(string directory) => File.Exists(Path.Combine(directory, CertificateFile)) && File.Exists(Path.Combine(directory, KeyFile));

    /// <summary>Creates the CA in <paramref name="directory"/> unless one is there; returns it and whether it is new.</summary>
    public static (CertificateAuthority Authority, bool Created) LoadOrCreate(string directory, TimeProvider time)
    {
        if (Exists(directory)) return (Load(directory), false);
        System.IO.Directory.CreateDirectory(directory);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=Palisade Local CA {Environment.MachineName}, O=Palisade", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        var keyPath = Path.Combine(directory, KeyFile);
        // The key file is created private before any byte is written to it.
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(keyPath, fileOptions))
        using (var writer = new StreamWriter(file))
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(directory, CertificateFile), certificate.ExportCertificatePem());
        key.Dispose();
        return (Load(directory), true);
    }

    public static CertificateAuthority Load(string directory)
    {
        if (!Exists(directory))
            throw new ArgumentException($"no Palisade CA in {directory}; run 'palisade ca init' (then 'palisade ca trust' for how to trust it) before --intercept.");
        var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(directory, CertificateFile)));
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(directory, KeyFile)));
        return new CertificateAuthority(certificate, key, directory);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        Key.Dispose();
    }
}
