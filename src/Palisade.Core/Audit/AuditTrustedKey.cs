using System.Security.Cryptography;

namespace Palisade.Core.Audit;

/// <summary>
/// The public key a verifier trusts, loaded from the home or a file the user names — never from the log,
/// which an attacker who rewrote the log would have rewritten too.
/// </summary>
public sealed class AuditTrustedKey : IDisposable
{
    private const string P256Oid = "1.2.840.10045.3.1.7";
    private readonly ECDsa _key;
    private readonly Lock _gate = new();

    private AuditTrustedKey(ECDsa key)
    {
        _key = key;
        KeyId = AuditKeyId.Of(key);
    }

    public string KeyId { get; }

    /// <summary>Reads a PEM public key (SubjectPublicKeyInfo). Throws <see cref="AuditException"/> when it is not an ECDSA P-256 key.</summary>
    public static AuditTrustedKey FromPem(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.ExportParameters(false).Curve.Oid?.Value != P256Oid) throw new AuditException("the key is not an ECDSA P-256 key.");
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new AuditException($"not a PEM ECDSA P-256 public key ({e.Message.TrimEnd('.')}).", e);
        }
        catch
        {
            key.Dispose();
            throw;
        }
        return new AuditTrustedKey(key);
    }

    public static AuditTrustedKey FromFile(string path) => FromPem(File.ReadAllText(path));

    public bool Verify(ReadOnlySpan<byte> data, string signatureBase64)
    {
        var sig = new byte[64];
        if (!Convert.TryFromBase64String(signatureBase64, sig, out var n) || n != 64) return false;
        lock (_gate) return _key.VerifyData(data, sig, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public void Dispose() => _key.Dispose();
}
