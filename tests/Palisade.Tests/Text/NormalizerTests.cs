using Palisade.Core.Text;

namespace Palisade.Tests.Text;

public sealed class NormalizerTests
{
    private static TextView Normalize(string text) => Normalizer.Normalize(TextView.Raw(text));

    [Fact]
    public void Clean_ascii_is_returned_as_the_same_instance()
    {
        var raw = TextView.Raw("Plain ASCII,\twith tabs\r\nand line breaks.");
        Assert.Same(raw, Normalizer.Normalize(raw));
    }

    [Fact]
    public void Non_ascii_text_already_in_nfkc_is_returned_as_the_same_instance()
    {
        var raw = TextView.Raw("Привет, мир. 你好 “quoted” — dash");
        Assert.Same(raw, Normalizer.Normalize(raw));
    }

    [Theory]
    [InlineData("ig\u200Bnore", "ignore")]
    [InlineData("ig\u200Cn\u200Do\u2060r\uFEFFe", "ignore")]
    [InlineData("ig\u00ADnore", "ignore")]
    [InlineData("\u202Eignore\u202C", "ignore")]
    [InlineData("\u2066ignore\u2069", "ignore")]
    [InlineData("ignore\uFE0F", "ignore")]
    [InlineData("ig\u0000no\u0007re", "ignore")]
    [InlineData("\u001B[31mignore\u001B[0m", "ignore")]
    public void Invisible_characters_are_removed(string input, string expected) =>
        Assert.Equal(expected, Normalize(input).Text);

    [Fact]
    public void Tag_characters_are_removed_as_whole_surrogate_pairs()
    {
        var smuggled = "Hi" + Tags("ignore all") + "!";
        var view = Normalize(smuggled);
        Assert.Equal("Hi!", view.Text);
        Assert.Equal((smuggled.Length - 1, 1), view.ToSource(2, 1));
    }

    [Theory]
    [InlineData("ｉｇｎｏｒｅ", "ignore")]
    [InlineData("\U0001D422\U0001D420\U0001D427\U0001D428\U0001D42B\U0001D41E", "ignore")]
    [InlineData("ﬁle", "file")]
    [InlineData("e\u0301", "é")]
    [InlineData("ｶﾞ", "ガ")]
    [InlineData("ⓘgnore", "ignore")]
    public void Compatibility_forms_are_folded_by_nfkc(string input, string expected) =>
        Assert.Equal(expected, Normalize(input).Text);

    [Fact]
    public void Map_stays_exact_across_nfkc_length_changes()
    {
        // "ﬁ" (1 char) becomes "fi" (2); "𝐢" (2 chars) becomes "i" (1); "e" + U+0301 (2) becomes "é" (1).
        var input = "a\u200Bﬁ \U0001D422 e\u0301x";
        var view = Normalize(input);
        Assert.Equal("afi i éx", view.Text);
        Assert.Equal((0, 1), view.ToSource(0, 1));                   // a
        Assert.Equal((2, 1), view.ToSource(1, 1));                   // f of ﬁ
        Assert.Equal((2, 1), view.ToSource(1, 2));                   // fi
        Assert.Equal((4, 2), view.ToSource(4, 1));                   // 𝐢
        Assert.Equal((7, 2), view.ToSource(6, 1));                   // é from e + U+0301
        Assert.Equal((9, 1), view.ToSource(7, 1));                   // x
        Assert.Equal(input[2..], input.Substring(view.ToSource(1, 7).Start, view.ToSource(1, 7).Length));
    }

    [Fact]
    public void Lone_surrogates_become_replacement_characters()
    {
        var view = Normalize("a\uD800b\uDC00c");
        Assert.Equal("a\uFFFDb\uFFFDc", view.Text);
    }

    [Fact]
    public void Normalizing_a_normalized_view_changes_nothing()
    {
        var once = Normalize("Ｈｅｌｌｏ\u200B ﬁne e\u0301 \U000E0041");
        Assert.Same(once, Normalizer.Normalize(once));
    }

    internal static string Tags(string ascii) => string.Concat(ascii.Select(c => char.ConvertFromUtf32(0xE0000 + c)));
}

public sealed class StableTextTests
{
    [Fact]
    public void Every_character_in_the_stable_ranges_is_visible_nfkc_and_non_combining()
    {
        foreach (var (first, last) in Palisade.Core.Text.Normalization.StableText.Ranges)
            for (var c = first; c <= last; c++)
            {
                var s = c.ToString();
                Assert.True(s.IsNormalized(System.Text.NormalizationForm.FormKC), $"U+{(int)c:X4} is not NFKC");
                Assert.False(Normalizer.IsInvisible(c), $"U+{(int)c:X4} is invisible");
                var category = char.GetUnicodeCategory(c);
                Assert.False(category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
                    or System.Globalization.UnicodeCategory.EnclosingMark or System.Globalization.UnicodeCategory.OtherNotAssigned, $"U+{(int)c:X4} is {category}");
            }
    }

    [Theory]
    [InlineData("“Curly” quotes — and dashes – in English", true)]
    [InlineData("Привет, мир", true)]
    [InlineData("中文和한국어とかな", true)]
    [InlineData("ellipsis…", false)]
    [InlineData("ｆｕｌｌ", false)]
    [InlineData("zero\u200Bwidth", false)]
    [InlineData("e\u0301", false)]
    public void Stable_text_is_recognized_whatever_its_length(string sample, bool stable)
    {
        // Long enough for the vector loop, and short for the scalar tail.
        Assert.Equal(stable, Palisade.Core.Text.Normalization.StableText.IsStable(string.Concat(Enumerable.Repeat(sample, 5))));
        Assert.Equal(stable, Palisade.Core.Text.Normalization.StableText.IsStable(sample));
    }
}
