using FsCheck;
using FsCheck.Fluent;
using Palisade.Core.Analyzers.Paths;

namespace Palisade.Tests.Analyzers.Paths;

/// <summary>Properties over generated paths: built from the pieces that make resolution interesting, and over arbitrary text.</summary>
public sealed class PathResolverPropertyTests
{
    private static readonly string[] Pieces =
    [
        "/", "\\", "//", "\\\\", ".", "..", "~", "~bob", "~+", "~-", ":", "$", "%", "{", "}", " ", "\0",
        "a", "B", "etc", "shadow", "home", "Users", "root", "var", "run", "private", "proc", "self", "1", "task", "cwd", "mnt", "c", "c$",
        "$HOME", "${HOME}", "${X:-/etc}", "$env:APPDATA", "%USERPROFILE%", "%APPDATA%", "%SYSTEMDRIVE%", "%HOMEDRIVE%", "$PWD", "$USER",
        "%2e", "%2f", "%5c", "%25", "%2", "%c0%ae", "%u002e", "%00", "%41", "file:", "file://", "C:", "\\\\?\\", "\\\\.\\", "UNC", "?",
        "::$DATA", "...", "-", "env:",
    ];

    private static Arbitrary<string> PathLike() =>
        Gen.Choose(0, 14).SelectMany(n => Gen.ArrayOf(Gen.Elements(Pieces), n)).Select(string.Concat).ToArbitrary();

    private static readonly FsCheck.Config Runs = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000);

    [Fact]
    public void Resolving_a_canonical_path_again_returns_it_unchanged() =>
        Check.One(Runs, Prop.ForAll(PathLike(), p =>
        {
            var once = PathResolver.Resolve(p).Canonical;
            var twice = PathResolver.Resolve(once).Canonical;
            return (once == twice).Label($"'{p}' -> '{once}' -> '{twice}'");
        }));

    [Theory]
    [InlineData("%2f:%5cmnt\\C:%c0%aec$%41file:/cwd")] // found by the property above: folding made a WSL mount
    [InlineData("/:\\mnt\\C:/cwd")]
    public void A_path_that_folds_into_a_drive_mount_resolves_to_the_drive_at_once(string path)
    {
        var once = PathResolver.Resolve(path).Canonical;
        Assert.Equal(once, PathResolver.Resolve(once).Canonical);
        Assert.False(once.StartsWith("/mnt/", StringComparison.Ordinal), once);
    }

    [Fact]
    public void Resolution_never_throws_on_generated_paths_with_or_without_a_working_directory() =>
        Check.One(Runs, Prop.ForAll(PathLike(), PathLike(), (p, wd) =>
        {
            var r = PathResolver.Resolve(p, wd);
            return r.Canonical is not null && r.Views().All(v => v.Text is not null);
        }));

    [Fact]
    public void Resolution_never_throws_on_arbitrary_text() =>
        Check.One(Runs, Prop.ForAll<string>(s => PathResolver.Resolve(s ?? "").Canonical is not null));
}
