using System.Security.Cryptography;
using Palisade.Core.Rules;
using Palisade.Core.Rules.Validation;

namespace Palisade.Tests.Rules.Validation;

public sealed class Bip39ValidatorTests
{
    private static readonly string[] Words = LoadWords();
    private readonly Bip39Validator _validator = new();

    private static string[] LoadWords()
    {
        using var reader = new StreamReader(RuleCatalog.OpenData("bip39-english.txt"));
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => !w.StartsWith('#')).ToArray();
    }

    /// <summary>The mnemonic for <paramref name="entropy"/>, computed as BIP-39 specifies: entropy bits, then the first ENT/32 bits of its SHA-256.</summary>
    private static string[] Mnemonic(byte[] entropy, bool corruptChecksum = false)
    {
        var hash = SHA256.HashData(entropy);
        var checksumBits = entropy.Length * 8 / 32;
        var bits = new List<int>();
        foreach (var b in entropy)
            for (var i = 7; i >= 0; i--) bits.Add(b >> i & 1);
        for (var i = 0; i < checksumBits; i++) bits.Add((hash[i / 8] >> (7 - i % 8) & 1) ^ (corruptChecksum && i == 0 ? 1 : 0));
        return Enumerable.Range(0, bits.Count / 11)
            .Select(w => Words[Enumerable.Range(0, 11).Aggregate(0, (acc, b) => acc << 1 | bits[w * 11 + b])])
            .ToArray();
    }

    private static byte[] Entropy(int bytes, int seed) => SHA256.HashData(BitConverter.GetBytes(seed))[..bytes];

    [Fact]
    public void The_embedded_wordlist_is_the_standard_one()
    {
        Assert.Equal(2048, Words.Length);
        Assert.Equal("abandon", Words[0]);
        Assert.Equal("zoo", Words[^1]);
        Assert.Equal(Words.Order(StringComparer.Ordinal), Words);
    }

    [Theory]
    [InlineData(16)] // 12 words
    [InlineData(20)] // 15
    [InlineData(24)] // 18
    [InlineData(28)] // 21
    [InlineData(32)] // 24
    public void A_mnemonic_with_a_correct_checksum_is_valid(int entropyBytes) =>
        Assert.True(_validator.IsValid(string.Join(' ', Mnemonic(Entropy(entropyBytes, entropyBytes)))));

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void A_wrong_checksum_is_rejected(int entropyBytes) =>
        Assert.False(_validator.IsValid(string.Join(' ', Mnemonic(Entropy(entropyBytes, 7), corruptChecksum: true))));

    [Fact]
    public void Words_may_be_separated_by_newlines_and_written_in_capitals() =>
        Assert.True(_validator.IsValid(string.Join("\n", Mnemonic(Entropy(16, 3))).ToUpperInvariant()));

    [Fact]
    public void A_mnemonic_between_listed_context_words_is_found()
    {
        // "wallet" and "seed" are themselves BIP-39 words: a phrase may sit in a run a word or two longer than itself.
        var phrase = Mnemonic(Entropy(16, 4));
        Assert.True(_validator.IsValid($"wallet {string.Join(' ', phrase)} seed"));
    }

    [Fact]
    public void A_long_run_of_listed_words_is_not_searched_for_a_lucky_window()
    {
        // 30 listed words: some 12-word window would pass the 4-bit checksum by chance; only runs within two words
        // of a mnemonic length are considered, so a word list is not mistaken for a seed phrase.
        var words = Enumerable.Range(0, 30).Select(i => Words[(i * 67 + 11) % 2048]);
        Assert.False(_validator.IsValid(string.Join(' ', words)));
    }

    [Fact]
    public void A_word_outside_the_list_invalidates_the_phrase()
    {
        var phrase = Mnemonic(Entropy(16, 5));
        phrase[3] = "qwxz";
        Assert.False(_validator.IsValid(string.Join(' ', phrase)));
    }

    [Fact]
    public void Eleven_words_are_too_few() =>
        Assert.False(_validator.IsValid(string.Join(' ', Mnemonic(Entropy(16, 6))[..11])));

    [Fact]
    public void Ordinary_prose_is_not_a_mnemonic() =>
        Assert.False(_validator.IsValid("the quick brown fox jumps over the lazy dog while seven other animals watch from across the river"));
}
