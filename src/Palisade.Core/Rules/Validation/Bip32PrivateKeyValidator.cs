using System.Buffers.Binary;

namespace Palisade.Core.Rules.Validation;

/// <summary>
/// A BIP-32 extended private key (xprv, tprv, yprv, zprv…): Base58Check with a valid checksum, a 78-byte payload,
/// a private-key version prefix, and a key field that starts with 0x00 as the standard requires.
/// </summary>
public sealed class Bip32PrivateKeyValidator : ISecretValidator
{
    public string Name => "bip32-private-key";

    private static ReadOnlySpan<uint> Versions =>
    [
        0x0488ADE4, // xprv
        0x04358394, // tprv
        0x049D7878, // yprv
        0x044A4E28, // uprv
        0x04B2430C, // zprv
        0x045F18BC, // vprv
    ];

    public bool IsValid(ReadOnlySpan<char> value)
    {
        if (value.Length is < 100 or > 115) return false;
        Span<byte> buffer = stackalloc byte[88];
        if (!Base58.TryDecode(value, buffer, out var n) || n != 82) return false;
        var decoded = buffer[..n];
        if (!Versions.Contains(BinaryPrimitives.ReadUInt32BigEndian(decoded))) return false;
        if (decoded[45] != 0x00) return false;
        return Base58.HasValidChecksum(decoded);
    }
}
