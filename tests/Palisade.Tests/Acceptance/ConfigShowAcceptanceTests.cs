using Palisade.Tests.Support;

namespace Palisade.Tests.Acceptance;

/// <summary><c>config show</c> prints what is in force, defaults included, as YAML that loads back to the same thing.</summary>
public sealed class ConfigShowAcceptanceTests
{
    private static string Body(string shown) => string.Join('\n', shown.Split('\n').Skip(1)); // past '# effective configuration (from …)'

    [Fact]
    public void The_defaults_of_every_section_are_shown()
    {
        using var dir = new CliRunner.TempDir();
        File.WriteAllText(dir.File("c.yaml"), "mode: enforce\n");
        var shown = CliRunner.Run("", "config", "show", "--config", dir.File("c.yaml")).Out;
        foreach (var line in new[] { "egress:", "  placeholder_credentials: report", "  allow_hosts: []", "proxy:", "  requests_per_minute_per_host: ",
                     "mcp:", "  pinning: true", "  max_line_bytes: ", "gateway:" })
            Assert.Contains(line, shown);
    }

    [Theory]
    [InlineData("mode: enforce\n")]
    [InlineData("egress:\n  allow_hosts: ['hooks.slack.com']\n  placeholder_credentials: ignore\nproxy:\n  listen: '127.0.0.1:8789'\n  passthrough: ['pinned.example.com']\nmcp:\n  deny_tools: ['*/delete_*']\n  pinning: false\n")]
    public void What_is_shown_loads_back_and_shows_the_same(string yaml)
    {
        using var dir = new CliRunner.TempDir();
        File.WriteAllText(dir.File("c.yaml"), yaml);
        var first = CliRunner.Run("", "config", "show", "--config", dir.File("c.yaml"));
        Assert.Equal(0, first.ExitCode);
        File.WriteAllText(dir.File("shown.yaml"), first.Out);
        var second = CliRunner.Run("", "config", "show", "--config", dir.File("shown.yaml"));
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(Body(first.Out), Body(second.Out));
    }
}
