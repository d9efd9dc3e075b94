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

    /// <summary>
    /// The longest run of consecutive list words in <paramref name="text"/>, words being maximal runs of ASCII lower-case
    /// letters separated by spaces, tabs and line breaks only; stops counting at <paramref name="enough"/>. Runs shorter
    /// than <paramref name="atLeast"/> words may be reported as shorter still (the caller only asks whether a rule's
    /// minimum is reached).
    /// </summary>
    /// <remarks>
    /// Only the stretches <see cref="SeedPhraseStretches"/> returns are read word by word: prose costs no lookup at all.
    /// </remarks>
    public static int LongestRun(ReadOnlySpan<char> text, int enough, int atLeast = 1)
    {
        // The state is a class, not a value tuple: generic code over our own reference types is shared and precompiled,
        // code over value tuples of framework types is jitted in every hook process (docs/decisions/013).
        var state = new RunState { Enough = enough };
        SeedPhraseStretches.Find(text, atLeast, ref state, static (ref s, text, start, end) =>
        {
            s.Longest = Math.Max(s.Longest, LongestIn(text, start, end, s.Enough));
            return s.Longest < s.Enough;
        });
        return state.Longest;
    }

    private sealed class RunState
    {
        public int Longest;
        public int Enough;
    }

    /// <summary>The longest run in text[from, to), a stretch of lower-case letters and blanks; the characters around it decide gluing.</summary>
    private static int LongestIn(ReadOnlySpan<char> text, int from, int to, int enough)
    {
        var lookup = Words.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        int longest = 0, run = 0, i = from;
        while (i < to && longest < enough)
        {
            if (text[i] is >= 'a' and <= 'z')
            {
                var start = i;
                while (i < to && text[i] is >= 'a' and <= 'z') i++;
                // A word glued to a letter of another case or a digit is not a list word (the rule's \b would not split it).
                var glued = (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1])) || (i < text.Length && char.IsAsciiLetterOrDigit(text[i]));
                run = !glued && i - start is >= 3 and <= 8 && lookup.ContainsKey(text[start..i]) ? run + 1 : 0;
                longest = Math.Max(longest, run);
                continue;
            }
            i++;
        }
        return longest;
    }

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
