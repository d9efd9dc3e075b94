using System.Text;
using Palisade.Core.Rules;
using Palisade.Core.Rules.Validation;

namespace Palisade.Tests.Throughput;

/// <summary>
/// The bit-mask search for seed-phrase stretches must answer exactly as reading every word did: the reference below is
/// the word-by-word loop it replaced, run over random texts built to sit on every edge (list words and near misses,
/// one- and two-letter words, nine-letter words, capitals and digits glued on, blanks of every kind, 64-character
/// block boundaries).
/// </summary>
public sealed class SeedPhraseStretchesTests
{
    private static readonly string[] Words = LoadWords();

    private static string[] LoadWords()
    {
        using var reader = new StreamReader(RuleCatalog.OpenData("bip39-english.txt"));
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => !w.StartsWith('#')).ToArray();
    }

    private static readonly HashSet<string> List = new(Words, StringComparer.Ordinal);

    /// <summary>The word-by-word loop <see cref="Bip39Wordlist.LongestRun"/> used before the stretch search.</summary>
    private static int Reference(string text, int enough)
    {
        int longest = 0, run = 0, i = 0;
        while (i < text.Length && longest < enough)
        {
            var c = text[i];
            if (c is >= 'a' and <= 'z')
            {
                var start = i;
                while (i < text.Length && text[i] is >= 'a' and <= 'z') i++;
                var glued = (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1])) || (i < text.Length && char.IsAsciiLetterOrDigit(text[i]));
                run = !glued && i - start is >= 3 and <= 8 && List.Contains(text[start..i]) ? run + 1 : 0;
                longest = Math.Max(longest, run);
                continue;
            }
            if (c is not (' ' or '\t' or '\r' or '\n')) run = 0;
            i++;
        }
        return longest;
    }

    private static string RandomText(Random random, int words)
    {
        string[] others = ["a", "to", "of", "is", "configuration", "validates", "abandonment", "zz", "qqq", "Abandon", "ABOUT", "x1", "é", "über"];
        string[] blanks = [" ", " ", " ", "  ", "\t", "\n", "\r\n", " \n ", ", ", ". ", "-", "1", "A", "\u00A0", "\u2003"];
        var sb = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            // Mostly list words, so that long runs happen; near misses and breakers in between.
            sb.Append(random.Next(10) < 8 ? Words[random.Next(Words.Length)] : others[random.Next(others.Length)]);
            sb.Append(random.Next(8) == 0 ? blanks[random.Next(blanks.Length)] : " ");
        }
        return sb.ToString();
    }

    [Fact]
    public void Finds_the_same_longest_run_as_reading_every_word()
    {
        var random = new Random(20261121);
        var checkedRuns = 0;
        for (var t = 0; t < 3000; t++)
        {
            var text = RandomText(random, random.Next(1, 120));
            if (random.Next(4) == 0) text = new string('x', random.Next(0, 64)) + " " + text; // shift across block boundaries
            foreach (var (enough, atLeast) in new[] { (24, 12), (12, 12), (30, 1), (5, 3) })
            {
                var expected = Math.Min(Reference(text, enough), enough);
                var actual = Math.Min(Bip39Wordlist.LongestRun(text, enough, atLeast), enough);
                if (expected >= atLeast) Assert.Equal(expected, actual);
                else Assert.True(actual < atLeast, $"reported {actual} for a longest run of {expected} in: {text}");
                if (expected >= 12) checkedRuns++;
            }
        }
        // The generator must actually produce runs long enough for the seed rule, or the test proves little.
        Assert.True(checkedRuns > 100, $"only {checkedRuns} texts held a run of twelve list words");
    }

    [Theory]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", 12)]
    [InlineData("Abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", 11)]
    [InlineData("abandon abandon abandon abandon abandon abandon, abandon abandon abandon abandon abandon about", 6)]
    [InlineData("abandon abandon abandon abandon abandon abandon to abandon abandon abandon abandon abandon about", 6)]
    [InlineData("abandon abandon abandon abandon abandon abandon\r\n\tabandon abandon abandon abandon abandon about9", 11)]
    public void Counts_list_words_between_breaks(string text, int expected) =>
        Assert.Equal(expected, Bip39Wordlist.LongestRun(text, 24, 1));
}
