using static Palisade.Tests.Support.CliRunner;

namespace Palisade.Tests.Mcp;

/// <summary><c>palisade mcp</c> refuses unclear invocations with exit 2 and one sentence, before starting anything.</summary>
public sealed class McpCommandLineTests
{
    [Theory]
    [InlineData(new string[0], "exactly one server")]
    [InlineData(new[] { "--upstream", "https://a.example/mcp", "--", "node", "s.js" }, "exactly one server")]
    [InlineData(new[] { "--upstream", "ftp://a.example/mcp" }, "not an http or https URL")]
    [InlineData(new[] { "--server", "nope" }, "no server 'nope'")]
    [InlineData(new[] { "--name", "bad name", "--", "node", "s.js" }, "may hold only")]
    [InlineData(new[] { "--upstream", "https://a.example/mcp", "--header", "novalue" }, "is not 'Name: value'")]
    public void Unclear_invocations_exit_2_with_what_to_do(string[] args, string message)
    {
        var r = Run("", ["mcp", .. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error);
        Assert.Equal("", r.Out);
    }
}
