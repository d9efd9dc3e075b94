using Palisade.Core.Policy.Paranoid;

namespace Palisade.Tests.Policy.Paranoid;

public sealed class PathGlobTests
{
    [Theory]
    [InlineData("/a/*.cs", "/a/b.cs", true)]
    [InlineData("/a/*.cs", "/a/b/c.cs", false)]
    [InlineData("/a/**", "/a", true)]
    [InlineData("/a/**", "/a/b/c/d", true)]
    [InlineData("/a/**", "/ab", false)]
    [InlineData("/a/**/*.cs", "/a/x.cs", true)]
    [InlineData("/a/**/*.cs", "/a/b/c/x.cs", true)]
    [InlineData("/a/**/*.cs", "/a/b/c/x.csx", false)]
    [InlineData("/a/**/b/**/c", "/a/x/b/y/z/c", true)]
    [InlineData("/a/**/b/**/c", "/a/x/c/y/b", false)]
    [InlineData("/a/?.txt", "/a/1.txt", true)]
    [InlineData("/a/?.txt", "/a/12.txt", false)]
    [InlineData("/a/b", "/a/b", true)]
    [InlineData("/a/b", "/a/b/c", false)]
    public void Segments_match_as_documented(string glob, string path, bool expected) =>
        Assert.Equal(expected, new PathGlob(glob).Matches(path));

    [Fact]
    public void A_path_of_many_segments_against_several_double_stars_finishes_and_fails()
    {
        var path = "/" + string.Join('/', Enumerable.Repeat("a", 20_000));
        Assert.False(new PathGlob("/**/a/**/a/**/a/**/b").Matches(path));
    }
}
