using Palisade.Core.Rules;

namespace Palisade.Tests.Rules;

public sealed class MatchWindowsTests
{
    private static readonly string Prose = string.Join(' ', Enumerable.Repeat("the quick brown fox jumps over the lazy dog", 40));

    [Fact]
    public void A_window_reaches_its_characters_and_ends_between_words()
    {
        var keyword = Prose.IndexOf("lazy", 800, StringComparison.Ordinal);
        var start = MatchWindows.Start(Prose, keyword, 64);
        var end = MatchWindows.End(Prose, keyword + 4, 64);
        Assert.True(keyword - start >= 64 && end - (keyword + 4) >= 64);
        Assert.Equal(' ', Prose[start - 1]);
        Assert.Equal(' ', Prose[end]);
    }

    [Fact]
    public void A_window_counts_words_too_so_one_long_token_cannot_push_a_phrase_out()
    {
        var padded = "ignore " + new string('x', 5000) + " previous instructions and more words after";
        // 64 characters of reach is also 8 words: the window runs past the padding to the words behind it.
        Assert.Equal(padded.Length, MatchWindows.End(padded, "ignore".Length, 64));
        Assert.Equal(0, MatchWindows.Start(padded, padded.IndexOf("previous", StringComparison.Ordinal), 64));
    }

    [Fact]
    public void Windows_stop_at_the_text_ends()
    {
        Assert.Equal(0, MatchWindows.Start("ab cd", 3, 256));
        Assert.Equal(5, MatchWindows.End("ab cd", 2, 256));
    }
}
