using Palisade.Core.Config;
using Palisade.Tests.Support;

namespace Palisade.Tests.Policy.Paranoid;

/// <summary>The <c>paranoid:</c> section: strict like the rest of the configuration, and shown so it loads back.</summary>
public sealed class ParanoidConfigTests
{
    [Fact]
    public void The_section_loads_as_written()
    {
        var c = ConfigLoader.Parse("""
            mode: paranoid
            paranoid:
              allow_commands: [git, dotnet]
              allow_paths: ['~/src/**', '/tmp/*.log']
              allow_tools: [Read, 'mcp__filesystem__*']
            """, "p.yaml").Paranoid;
        Assert.Equal(["git", "dotnet"], c.AllowCommands);
        Assert.Equal(["~/src/**", "/tmp/*.log"], c.AllowPaths);
        Assert.Equal(["Read", "mcp__filesystem__*"], c.AllowTools);
    }

    [Fact]
    public void The_defaults_are_empty_lists() =>
        Assert.True(ConfigLoader.Parse("mode: paranoid\n", "p.yaml").Paranoid is { AllowCommands.Count: 0, AllowPaths.Count: 0, AllowTools.Count: 0 });

    [Theory]
    [InlineData("paranoid:\n  allow_command: [git]\n", "p.yaml:2:", "unknown key 'paranoid.allow_command'")]
    [InlineData("paranoid:\n  allow_commands: git\n", "p.yaml:2:", "must be a list")]
    [InlineData("paranoid:\n  allow_paths: { a: b }\n", "p.yaml:2:", "must be a list")]
    [InlineData("paranoid:\n  allow_commands:\n    - git\n    - ''\n", "p.yaml:4:", "'paranoid.allow_commands[1]': an entry of 'allow_commands' is empty")]
    [InlineData("paranoid:\n  allow_tools: ['  ']\n", "p.yaml:2:", "is empty")]
    [InlineData("paranoid:\n  allow_paths: [[a]]\n", "p.yaml:2:", "expected a text value")]
    [InlineData("paranoid:\n  allow_commands: ['/usr/bin/git']\n", "p.yaml:2:", "is a path; allow_commands takes program names")]
    [InlineData("paranoid:\n  allow_commands: ['git*']\n", "p.yaml:2:", "is a pattern")]
    [InlineData("paranoid:\n  allow_commands: ['git status']\n", "p.yaml:2:", "holds a space")]
    [InlineData("paranoid:\n  allow_tools: ['mcp__*__read']\n", "p.yaml:2:", "has a '*' before its end")]
    [InlineData("paranoid:\n  allow_tools: ['*']\n", "p.yaml:2:", "would allow every tool")]
    [InlineData("paranoid: [git]\n", "p.yaml:1:", "")]
    public void Mistakes_are_errors_that_name_the_line_and_key(string yaml, string where, string what)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "p.yaml"));
        Assert.StartsWith(where, e.Message);
        Assert.Contains(what, e.Message);
    }

    [Fact]
    public void Config_show_prints_the_section_with_its_empty_defaults()
    {
        var shown = ConfigWriter.ToYaml(ConfigLoader.Parse("mode: paranoid\n", "p.yaml"));
        Assert.Contains("paranoid:\n  allow_commands: []\n  allow_paths: []\n  allow_tools: []\n", shown.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void What_config_show_prints_loads_back_and_shows_the_same()
    {
        using var dir = new CliRunner.TempDir();
        File.WriteAllText(dir.File("c.yaml"), "mode: paranoid\nparanoid:\n  allow_commands: [git, ls]\n  allow_paths: ['~/src/**', \"/tmp/it's/*.log\"]\n  allow_tools: ['mcp__filesystem__*']\n");
        var first = CliRunner.Run("", "config", "show", "--config", dir.File("c.yaml"));
        Assert.True(first.ExitCode == 0, first.Error);
        File.WriteAllText(dir.File("shown.yaml"), first.Out);
        var second = CliRunner.Run("", "config", "show", "--config", dir.File("shown.yaml"));
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(first.Out.Split('\n').Skip(1), second.Out.Split('\n').Skip(1));
        var again = ConfigLoader.Parse(File.ReadAllText(dir.File("shown.yaml")), "shown.yaml").Paranoid;
        Assert.Equal(["git", "ls"], again.AllowCommands);
        Assert.Equal(["~/src/**", "/tmp/it's/*.log"], again.AllowPaths);
        Assert.Equal(["mcp__filesystem__*"], again.AllowTools);
    }
}
