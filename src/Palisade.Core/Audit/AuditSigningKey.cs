using System.Security.Cryptography;
using System.Text;
using Palisade.Core.Config;

namespace Palisade.Core.Audit;

/// <summary>
/// The ECDSA P-256 private key that signs checkpoints. Made on first use under <c>$PALISADE_HOME/keys</c>:
/// the private key as PKCS#8 PEM (mode 0600), the public key beside it for verifiers.
/// </summary>
public sealed class AuditSigningKey : IDisposable
{
    public const string PrivateKeyFileName = "audit-signing.pem";
    public const string PublicKeyFileName = "audit-signing.pub.pem";

    private readonly ECDsa _key;
    private readonly Lock _gate = new();

    private AuditSigningKey(ECDsa key)
    {
        if (key.KeySize != 256) throw new ArgumentException("the audit signing key must be ECDSA P-256.", nameof(key));
        _key = key;
        KeyId = AuditKeyId.Of(key);
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
    }

    public string KeyId { get; }
    public string PublicKeyPem { get; }

    public static string PrivateKeyPath(PalisadeHome home) => Path.Combine(home.KeysDirectory, PrivateKeyFileName);
    public static string PublicKeyPath(PalisadeHome home) => Path.Combine(home.KeysDirectory, PublicKeyFileName);

    public static AuditSigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public static AuditSigningKey FromPem(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return new AuditSigningKey(key);
    }

    /// <summary>Loads the home's key pair, creating it on first use. The public file is written only when missing: it is what verifiers trust.</summary>
    public static AuditSigningKey LoadOrCreate(PalisadeHome home)
    {
        var pem = PalisadeHome.ReadOrCreateSecretFile(PrivateKeyPath(home), () =>
        {
            using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return Encoding.UTF8.GetBytes(fresh.ExportPkcs8PrivateKeyPem());
        });
        var key = FromPem(Encoding.UTF8.GetString(pem));
        var publicPath = PublicKeyPath(home);
        if (!File.Exists(publicPath))
        {
            var temp = $"{publicPath}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temp, key.PublicKeyPem);
            try
            {
                File.Move(temp, publicPath, overwrite: false);
            }
            catch (IOException) when (File.Exists(publicPath))
            {
                File.Delete(temp);
            }
        }
        return key;
    }

    /// <summary>The IEEE P1363 signature (r||s, 64 bytes) over SHA-256 of <paramref name="data"/>, base64.</summary>
    public string Sign(ReadOnlySpan<byte> data)
    {
        lock (_gate) return Convert.ToBase64String(_key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    /// <summary>The public half, as a verifier would load it.</summary>
    public AuditTrustedKey PublicKey() => AuditTrustedKey.FromPem(PublicKeyPem);

    public void Dispose() => _key.Dispose();
}
