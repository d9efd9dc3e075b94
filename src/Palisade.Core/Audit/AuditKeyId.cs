using System.Security.Cryptography;

namespace Palisade.Core.Audit;

/// <summary>A key's id: the first 16 hex digits of the SHA-256 of its SubjectPublicKeyInfo (DER).</summary>
public static class AuditKeyId
{
    public static string Of(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
}
