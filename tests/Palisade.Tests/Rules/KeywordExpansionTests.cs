using Palisade.Core.Config;
using Palisade.Core.Rules;

namespace Palisade.Tests.Rules;

public sealed class KeywordExpansionTests
{
    [Fact]
    public void Groups_expand_to_every_combination_in_order() =>
        Assert.Equal(["tell user", "tell the user", "telling user", "telling the user"], KeywordExpansion.Expand("tell{,ing} {,the }user"));

    [Fact]
    public void A_keyword_without_a_group_is_taken_as_written()
    {
        Assert.Equal([":(){"], KeywordExpansion.Expand(":(){"));
        Assert.Equal(["{literal}"], KeywordExpansion.Expand("{literal}"));
        Assert.Equal([@"wif\"], KeywordExpansion.Expand(@"wif\"));
    }

    [Fact]
    public void Escapes_inside_a_group_stand_for_the_character() =>
        Assert.Equal(["instead say", "instead, say"], KeywordExpansion.Expand(@"instead{,\,} say"));

    [Theory]
    [InlineData("{a,b")]
    [InlineData("{a,{b,c}}")]
    public void Malformed_groups_are_errors(string keyword) => Assert.Throws<FormatException>(() => KeywordExpansion.Expand(keyword));

    [Fact]
    public void An_expansion_too_large_to_be_a_keyword_list_is_an_error() =>
        Assert.Throws<FormatException>(() => KeywordExpansion.Expand(string.Concat(Enumerable.Repeat("{a,b,c,d}", 6))));

    [Fact]
    public void Rule_files_expand_keywords_and_report_bad_ones_with_their_line()
    {
        const string yaml = """
            scanner: injection
            category: test
            rules:
              - id: r
                keywords: ['{ignore,forget} {all,previous}']
                pattern: 'x'
            """;
        Assert.Equal(["ignore all", "ignore previous", "forget all", "forget previous"], RuleFileReader.Read(yaml, "t.yaml")[0].Keywords);
        var error = Assert.Throws<ConfigException>(() => RuleFileReader.Read(yaml.Replace("{ignore,forget}", "{ignore,forget"), "t.yaml"));
        Assert.Contains("t.yaml:5", error.Message);
    }
}
