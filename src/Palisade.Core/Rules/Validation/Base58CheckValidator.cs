namespace Palisade.Core.Rules.Validation;

/// <summary>
/// A Bitcoin private key in Wallet Import Format: Base58Check with a valid double-SHA-256 checksum, version 0x80
/// (mainnet) or 0xEF (testnet), and a 32-byte key, optionally followed by 0x01 (compressed public key).
/// </summary>
public sealed class Base58CheckValidator : ISecretValidator
{
    public string Name => "base58check";

    public bool IsValid(ReadOnlySpan<char> value)
    {
        if (value.Length is < 50 or > 53) return false;
        Span<byte> buffer = stackalloc byte[48];
        if (!Base58.TryDecode(value, buffer, out var n)) return false;
        var decoded = buffer[..n];
        if (n is not (37 or 38)) return false;
        if (decoded[0] is not (0x80 or 0xEF)) return false;
        if (n == 38 && decoded[33] != 0x01) return false;
        return Base58.HasValidChecksum(decoded);
    }
}
