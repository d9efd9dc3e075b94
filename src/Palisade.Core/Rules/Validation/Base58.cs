namespace Palisade.Core.Rules.Validation;

/// <summary>Base58 (Bitcoin alphabet) decoding into a caller's buffer, and the Base58Check checksum.</summary>
internal static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>The digit of each ASCII character, or -1 for characters outside the alphabet.</summary>
    private static readonly sbyte[] Digits = BuildDigits();

    private static sbyte[] BuildDigits()
    {
        var digits = new sbyte[128];
        Array.Fill(digits, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++) digits[Alphabet[i]] = (sbyte)i;
        return digits;
    }

    /// <summary>
    /// Decodes <paramref name="text"/> into the start of <paramref name="buffer"/>. False for a character outside the
    /// alphabet or a value that does not fit; leading '1's become leading zero bytes, as Base58 defines.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> buffer, out int written)
    {
        written = 0;
        buffer.Clear();
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1') zeros++;
        var length = 0;
        foreach (var c in text[zeros..])
        {
            if (c >= 128 || Digits[c] < 0) return false;
            var carry = (int)Digits[c];
            // The number is kept big-endian in the last `length` bytes of the buffer.
            for (var i = buffer.Length - 1; i >= buffer.Length - length; i--)
            {
                carry += 58 * buffer[i];
                buffer[i] = (byte)carry;
                carry >>= 8;
            }
            while (carry > 0)
            {
                if (length == buffer.Length) return false;
                length++;
                buffer[^length] = (byte)carry;
                carry >>= 8;
            }
        }
        if (zeros + length > buffer.Length) return false;
        buffer.Slice(buffer.Length - length, length).CopyTo(buffer[zeros..]);
        buffer[..zeros].Clear();
        written = zeros + length;
        return true;
    }

    /// <summary>True when the last four bytes are the first four of SHA-256(SHA-256(the rest)).</summary>
    public static bool HasValidChecksum(ReadOnlySpan<byte> decoded)
    {
        if (decoded.Length < 5) return false;
        var payload = decoded[..^4];
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(payload, hash);
        System.Security.Cryptography.SHA256.HashData(hash, hash);
        return hash[..4].SequenceEqual(decoded[^4..]);
    }
}
