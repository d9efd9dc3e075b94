using System.Collections.Frozen;

namespace Palisade.Core.Rules.Validation;

/// <summary>The BIP-39 English wordlist (embedded <c>bip39-english.txt</c>): 2048 words, each standing for 11 bits.</summary>
internal static class Bip39Wordlist
{
    public const int Size = 2048;

    private static readonly Lazy<FrozenDictionary<string, int>> Words = new(Load);

    /// <summary>The word's index (0–2047), or -1. <paramref name="word"/> must be lower case.</summary>
    public static int IndexOf(ReadOnlySpan<char> word) =>
        Words.Value.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var index) ? index : -1;

    private static FrozenDictionary<string, int> Load()
    {
        using var reader = new StreamReader(RuleCatalog.OpenData("bip39-english.txt"));
        var words = new List<string>(Size);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length == 0 || word[0] == '#') continue;
            words.Add(word);
        }
        if (words.Count != Size) throw new InvalidOperationException($"the embedded BIP-39 wordlist has {words.Count} words, not {Size}.");
        return words.Select((w, i) => (w, i)).ToFrozenDictionary(x => x.w, x => x.i, StringComparer.Ordinal);
    }
}
