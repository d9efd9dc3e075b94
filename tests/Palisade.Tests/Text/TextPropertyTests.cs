using FsCheck;
using FsCheck.Fluent;
using Palisade.Core.Text;

namespace Palisade.Tests.Text;

/// <summary>Properties of the views that must hold for any input, checked on generated text built from the fragments attackers use.</summary>
public sealed class TextPropertyTests
{
    private static readonly string[] Fragments =
    [
        "a", "Z", "ignore", " ", "  ", "\n", "\t", "\r\n", "0", "1gn0r3", "2024", "@", "$", "%", "%41", "%2573", "%zz", "+", "=", "/", "-", "_",
        "\\x41", "0x", ":", ",", "41 42 43 44 45 46", "aGVsbG8gd29ybGQgaGVsbG8=", "SGVsbG8sIHdvcmxkIQ", "JBSWY3DPEBLW64TMMQ======",
        "48656c6c6f20776f726c6421", "\u200B", "\u200D", "\u00AD", "\u202E", "\uFEFF", "\uFE0F", "\U000E0041", "\U000E0069", "\U000E0100",
        "\u001B[31m", "\u0000", "\uD800", "\uDC00", "і", "о", "е", "Привет", "ΑΒΓ", "你好", "한국어", "ｉｇｎｏｒｅ", "ﬁ", "\uFDFA", "e\u0301",
        "\u0301", "ｶﾞ", "\u1100\u1161\u11A8", "\U0001D422", "😀", "ⓘ", "ɪɢɴᴏʀᴇ", "İ", "\u00A0", "\u2028", "’", "4тт", "іgn0rе", "\U00010400",
        "&#105;", "&#x69;", "&#", "&#9999999;", "&amp;", "&nbsp;", "\\u0069", "\\u{1F600}", "\\u{110000}", "\\uD83D", "\\uDE00", "\\",
    ];

    private static Arbitrary<string> Texts() =>
        Gen.Elements(Fragments).ArrayOf().Select(parts => string.Concat(parts)).ToArbitrary();

    private static readonly FsCheck.Config Config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(400);

    [Fact]
    public void Decoded_views_stay_within_the_size_view_and_depth_limits()
    {
        var limits = new DecodeLimits { MaxExpansionFactor = 2, MaxViews = 5 };
        Check.One(Config, Prop.ForAll(Texts(), text =>
        {
            var decoded = new ContentViews(text, limits).Decoded;
            return decoded.Sum(v => v.Text.Length) <= limits.MaxExpansionFactor * text.Length
                && decoded.Count <= limits.MaxViews
                && decoded.All(v => v.Depth is >= 1 and <= 3 && v.IsDecoded);
        }));
    }

    [Fact]
    public void Every_span_of_every_view_maps_inside_the_original()
    {
        Check.One(Config, Prop.ForAll(Texts(), text =>
        {
            var views = new ContentViews(text);
            foreach (var view in views.ForSecrets().Concat(views.ForInjection()))
            {
                var n = view.Text.Length;
                for (var start = 0; start <= n; start++)
                    foreach (var length in new[] { 0, 1, 3, n - start })
                    {
                        var (s, l) = view.ToSource(start, Math.Max(0, length));
                        if (s < 0 || l < 0 || s + l > text.Length) return false;
                    }
            }
            return true;
        }));
    }

    [Fact]
    public void Folded_spans_cover_the_characters_they_came_from()
    {
        Check.One(Config, Prop.ForAll(Texts(), text =>
        {
            var folded = new ContentViews(text).Folded;
            // Each folded letter maps to a non-empty source span, and spans never go backwards.
            var previous = 0;
            for (var i = 0; i < folded.Text.Length; i++)
            {
                var (s, l) = folded.ToSource(i, 1);
                if (l == 0 || s < previous) return false;
                previous = s;
            }
            return true;
        }));
    }

    [Fact]
    public void Normalizing_twice_gives_the_same_text()
    {
        Check.One(Config, Prop.ForAll(Texts(), text =>
        {
            var once = Normalizer.Normalize(TextView.Raw(text));
            return Normalizer.Normalize(TextView.Raw(once.Text)).Text == once.Text;
        }));
    }

    [Fact]
    public void Folded_text_has_single_spaces_and_no_ascii_capitals()
    {
        Check.One(Config, Prop.ForAll(Texts(), text =>
        {
            var folded = new ContentViews(text).Folded.Text;
            return !folded.Contains("  ", StringComparison.Ordinal)
                && folded.AsSpan().IndexOfAny("\t\n\v\f\r") < 0
                && !folded.AsSpan().ContainsAnyInRange('A', 'Z');
        }));
    }

    [Fact]
    public void Clean_ascii_normalizes_to_the_raw_instance()
    {
        var printable = Gen.Elements("abcXYZ019 !~\t\r\n%+=/\\".ToCharArray()).ArrayOf().Select(c => new string(c)).ToArbitrary();
        Check.One(Config, Prop.ForAll(printable, text =>
        {
            var views = new ContentViews(text);
            return ReferenceEquals(views.Raw, views.Normalized);
        }));
    }

    [Fact]
    public void Vectorized_fold_agrees_with_the_reference_fold()
    {
        var ascii = Gen.Elements("aZ09 @$\t\n\u001C.,-_1345".ToCharArray()).ArrayOf().Select(c => new string(c));
        var any = Gen.OneOf(ascii, Gen.Elements(Fragments).ArrayOf().Select(parts => string.Concat(parts))).ToArbitrary();
        Check.One(Config, Prop.ForAll(any, text =>
        {
            var raw = TextView.Raw(text);
            var fast = Folder.Fold(raw);
            var general = ReferenceFolder.Fold(raw);
            return fast.Text == general.Text
                && Enumerable.Range(0, fast.Text.Length).All(i => fast.ToSource(i, 1) == general.ToSource(i, 1));
        }));
    }
}
