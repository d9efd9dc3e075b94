using Palisade.Core.Rules.Validation;

namespace Palisade.Core.Analyzers.Egress;

/// <summary>
/// Whether a URL token is a cryptocurrency wallet address: Ethereum (<c>0x</c> and 40 hex digits) or a Bitcoin
/// legacy or script address (Base58Check, version 0x00 or 0x05, checksum verified). An address is public and grants
/// nothing, so it is not a secret; sent to a host the configuration does not know, it ties the user to their holdings,
/// which is a question for a person (rules/egress/exfiltration.yaml, <c>egress-wallet-address</c>).
/// </summary>
public static class WalletAddress
{
    /// <summary>"ethereum", "bitcoin" or null.</summary>
    public static string? Kind(string token)
    {
        if (token.Length == 42 && token[0] == '0' && token[1] is 'x' or 'X' && IsHex(token.AsSpan(2))) return "ethereum";
        if (token.Length is >= 26 and <= 35 && token[0] is '1' or '3' && IsBitcoinBase58(token)) return "bitcoin";
        return null;
    }

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }

    private static bool IsBitcoinBase58(string token)
    {
        Span<byte> buffer = stackalloc byte[32];
        if (!Base58.TryDecode(token, buffer, out var n) || n != 25) return false;
        return buffer[0] is 0x00 or 0x05 && Base58.HasValidChecksum(buffer[..n]);
    }
}
