using System.Security.Cryptography;

namespace Palisade.Core.Rules.Validation;

/// <summary>
/// A BIP-39 mnemonic: 12, 15, 18, 21 or 24 words from the English list whose last bits (one per three words)
/// equal the first bits of SHA-256 over the entropy the other bits encode. The value may be a run of words a little
/// longer than the phrase (a listed word such as "wallet" or "seed" next to it): within each run of listed words, a
/// window of a mnemonic length is tried only if it leaves at most two words over. Searching long runs for any window
/// would find one by chance (a 12-word checksum is only 4 bits), so a pasted word list is not a seed phrase.
/// </summary>
public sealed class Bip39Validator : ISecretValidator
{
    public string Name => "bip39";

    /// <summary>Longest run of words examined; the rule's pattern captures at most this many.</summary>
    public const int MaxWords = 30;

    /// <summary>Words a run may have beyond the mnemonic inside it.</summary>
    private const int MaxContextWords = 2;

    private static ReadOnlySpan<int> Lengths => [24, 21, 18, 15, 12];

    public bool IsValid(ReadOnlySpan<char> value)
    {
        Span<int> indices = stackalloc int[MaxWords];
        Span<char> lower = stackalloc char[8];
        var count = 0;
        foreach (var range in value.SplitAny(" \t\r\n"))
        {
            var word = value[range];
            if (word.IsEmpty) continue;
            if (count == MaxWords) return false;
            var index = -1;
            if (word.Length is >= 3 and <= 8 && word.ToLowerInvariant(lower) is var n and > 0)
                index = Bip39Wordlist.IndexOf(lower[..n]);
            indices[count++] = index;
        }
        var words = indices[..count];
        while (!words.IsEmpty)
        {
            // The next run of listed words, between unlisted ones.
            var start = words.IndexOfAnyExcept(-1);
            if (start < 0) break;
            words = words[start..];
            var end = words.IndexOf(-1);
            var run = end < 0 ? words : words[..end];
            if (IsMnemonicRun(run)) return true;
            words = end < 0 ? [] : words[end..];
        }
        return false;
    }

    private static bool IsMnemonicRun(ReadOnlySpan<int> run)
    {
        foreach (var length in Lengths)
        {
            if (length > run.Length || run.Length - length > MaxContextWords) continue;
            for (var offset = 0; offset + length <= run.Length; offset++)
                if (HasValidChecksum(run.Slice(offset, length))) return true;
        }
        return false;
    }

    private static bool HasValidChecksum(ReadOnlySpan<int> indices)
    {
        // 11 bits per word, most significant first: entropy bits, then checksum bits.
        Span<byte> bits = stackalloc byte[33];
        bits.Clear();
        for (var w = 0; w < indices.Length; w++)
            for (var b = 0; b < 11; b++)
                if ((indices[w] >> (10 - b) & 1) == 1)
                {
                    var at = w * 11 + b;
                    bits[at >> 3] |= (byte)(0x80 >> (at & 7));
                }
        var checksumBits = indices.Length / 3;
        var entropyBytes = (indices.Length * 11 - checksumBits) / 8;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bits[..entropyBytes], hash);
        for (var k = 0; k < checksumBits; k++)
        {
            var expected = hash[k >> 3] >> (7 - (k & 7)) & 1;
            var at = entropyBytes * 8 + k;
            var actual = bits[at >> 3] >> (7 - (at & 7)) & 1;
            if (expected != actual) return false;
        }
        return true;
    }
}
