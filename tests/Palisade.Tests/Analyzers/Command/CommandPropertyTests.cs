using FsCheck;
using FsCheck.Fluent;
using Palisade.Core.Analyzers.Commands;
using Palisade.Core.Analyzers.Commands.Posix;
using Palisade.Core.Engine;

namespace Palisade.Tests.Analyzers.Commands;

/// <summary>The parser and the analysis terminate without throwing on any input, and stay bounded on huge lines.</summary>
public sealed class CommandPropertyTests
{
    private const string ShellAlphabet = "abcxyz019 \t\n$(){}[]<>|&;'\"`\\!#*?~=-/.,:%^@+";

    private static Gen<string> ShellText() =>
        Gen.Elements(ShellAlphabet.ToCharArray()).ArrayOf().Select(a => new string(a));

    /// <summary>Fragments that exercise the parser's harder paths: substitutions, heredocs, braces, nested strings.</summary>
    private static Gen<string> ShellFragments() =>
        Gen.Elements("$(", ")", "`", "'", "\"", "<<EOF\n", "\nEOF\n", "<<<", "{a,b}", "${IFS}", "$'\\x41'", "bash -c '", "eval ", "|", "&&", ";",
                "( ", " )", "{ ", "; }", "if ", "then ", "fi", "case x in ", "esac", "for i in 1; do ", "done", "curl x ", "| sh", "base64 -d", "\\", "\n", " ")
            .ArrayOf().Select(parts => string.Concat(parts));

    [Fact]
    public void Parser_never_throws_on_shell_like_text()
    {
        Prop.ForAll(ShellText().ToArbitrary(), s => ShellParser.Parse(s) is not null).QuickCheckThrowOnFailure();
        Prop.ForAll(ShellFragments().ToArbitrary(), s => ShellParser.Parse(s) is not null).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parser_never_throws_on_arbitrary_strings()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s => ShellParser.Parse(s ?? "") is not null).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Analysis_never_throws_and_never_fails_open_on_generated_lines()
    {
        Prop.ForAll(ShellFragments().ToArbitrary(), s =>
        {
            var walker = new CommandWalker(new RecordingEffects());
            walker.Walk(s);
            return walker.Form.Text is not null;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_100_kb_random_line_is_analysed_to_the_end_or_reported()
    {
        var engine = PalisadeEngine.CreateDefault();
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var random = new Random(seed);
            var text = new string(Enumerable.Range(0, 100 * 1024).Select(_ => ShellAlphabet[random.Next(ShellAlphabet.Length)]).ToArray());
            var verdict = engine.Evaluate(ScanKind.ToAction("command", text));
            Assert.NotNull(verdict);
        }
    }

    [Theory]
    [InlineData("$(", 50_000)]
    [InlineData("{a,b}", 20_000)]
    [InlineData("eval ", 20_000)]
    [InlineData("a | ", 25_000)]
    [InlineData("'", 100_000)]
    [InlineData("${x:-", 20_000)]
    [InlineData("<<E\n", 25_000)]
    public void Pathological_repetition_is_bounded(string unit, int times)
    {
        var text = string.Concat(Enumerable.Repeat(unit, times));
        var walker = new CommandWalker(new RecordingEffects());
        walker.Walk(text);
        Assert.True(walker.Form.Text.Length <= CommandLimits.Default.MaxCanonicalChars + 4096);
    }
}
