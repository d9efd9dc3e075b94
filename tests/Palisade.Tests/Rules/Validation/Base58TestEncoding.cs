using System.Numerics;
using System.Security.Cryptography;

namespace Palisade.Tests.Rules.Validation;

/// <summary>Base58Check encoding for building test values (the product only ever decodes).</summary>
internal static class Base58TestEncoding
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string EncodeCheck(byte[] payload)
    {
        var checksum = SHA256.HashData(SHA256.HashData(payload))[..4];
        return Encode([.. payload, .. checksum]);
    }

    public static string Encode(byte[] data)
    {
        var n = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var chars = new List<char>();
        while (n > 0)
        {
            chars.Add(Alphabet[(int)(n % 58)]);
            n /= 58;
        }
        foreach (var b in data)
        {
            if (b != 0) break;
            chars.Add('1');
        }
        chars.Reverse();
        return new string(chars.ToArray());
    }

    /// <summary>A deterministic 32-byte key for the test named by <paramref name="seed"/>.</summary>
    public static byte[] Key(int seed) => SHA256.HashData(BitConverter.GetBytes(seed));
}
