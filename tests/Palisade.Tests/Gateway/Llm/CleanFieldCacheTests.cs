using Palisade.Gateway.Llm.Requests;

namespace Palisade.Tests.Gateway.Llm;

public sealed class CleanFieldCacheTests
{
    private static RequestField Field(string text, FieldRole role = FieldRole.Prompt) => new("messages[0].content", text, role, ["messages", 0, "content"]);

    [Fact]
    public void A_text_is_clean_only_for_the_role_it_was_read_in()
    {
        var cache = new CleanFieldCache();
        cache.MarkClean(Field("hello"));

        Assert.True(cache.IsClean(Field("hello")));
        Assert.False(cache.IsClean(Field("hello", FieldRole.ToolResult)));
        Assert.False(cache.IsClean(Field("hello!")));
    }

    [Fact]
    public void Past_its_bound_the_cache_starts_over()
    {
        var cache = new CleanFieldCache();
        cache.MarkClean(Field("first"));
        for (var i = 1; i < CleanFieldCache.MaxEntries - 1; i++) cache.MarkClean(Field(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        cache.MarkClean(Field("first")); // already there: not counted again
        Assert.True(cache.IsClean(Field("first")));

        cache.MarkClean(Field("the last one that fits"));

        Assert.False(cache.IsClean(Field("first")));
        cache.MarkClean(Field("after"));
        Assert.True(cache.IsClean(Field("after")));
    }
}
