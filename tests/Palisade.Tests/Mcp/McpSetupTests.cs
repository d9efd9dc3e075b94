using System.Text.Json.Nodes;
using Palisade.Cli.Mcp;
using static Palisade.Tests.Support.CliRunner;

namespace Palisade.Tests.Mcp;

/// <summary><c>palisade setup mcp</c> on real client configuration files, through the real command line.</summary>
public sealed class McpSetupTests
{
    private const string Original = """
        {
          "mcpServers": {
            "filesystem": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"], "env": { "DEBUG": "1" } },
            "remote": { "type": "http", "url": "https://mcp.example.com/mcp" },
            "private": { "type": "http", "url": "https://mcp.example.com/p", "headers": { "Authorization": "Bearer x" } }
          },
          "theme": "dark"
        }
        """;

    [Fact]
    public void Every_server_is_launched_through_palisade_and_other_keys_are_kept()
    {
        using var dir = new TempDir();
        var path = dir.File(".mcp.json");
        File.WriteAllText(path, Original);

        var r = Run("", "setup", "mcp", "--config", path, "--command", "/opt/palisade");
        Assert.Equal(0, r.ExitCode);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var fs = root["mcpServers"]!["filesystem"]!;
        Assert.Equal("/opt/palisade", (string?)fs["command"]);
        Assert.Equal(["mcp", "--name", "filesystem", "--", "npx", "-y", "@modelcontextprotocol/server-filesystem", "/tmp"], fs["args"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("1", (string?)fs["env"]!["DEBUG"]);
        var remote = root["mcpServers"]!["remote"]!;
        Assert.Equal(["mcp", "--name", "remote", "--upstream", "https://mcp.example.com/mcp"], remote["args"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("stdio", (string?)remote["type"]);
        Assert.Null(remote["url"]);
        // Headers would end up as process arguments: that server is left alone, with a note saying what to do.
        Assert.Equal("https://mcp.example.com/p", (string?)root["mcpServers"]!["private"]!["url"]);
        Assert.Contains("'private' sends headers", r.Out);
        Assert.Equal("dark", (string?)root["theme"]);
    }

    [Fact]
    public void Running_it_twice_changes_nothing_the_second_time_and_undo_restores_the_file()
    {
        using var dir = new TempDir();
        var path = dir.File("mcp.json");
        File.WriteAllText(path, Original);

        Assert.Equal(0, Run("", "setup", "mcp", "--config", path, "--command", "palisade").ExitCode);
        var once = File.ReadAllText(path);
        var second = Run("", "setup", "mcp", "--config", path, "--command", "palisade");
        Assert.Contains("nothing changed", second.Out);
        Assert.Equal(once, File.ReadAllText(path));

        Assert.Equal(0, Run("", "setup", "--undo", "mcp", "--config", path).ExitCode);
        Assert.Equal(Original, File.ReadAllText(path));
    }

    [Fact]
    public void Dry_run_prints_the_diff_and_leaves_the_file_alone()
    {
        using var dir = new TempDir();
        var path = dir.File("claude_desktop_config.json");
        File.WriteAllText(path, Original);
        var r = Run("", "setup", "--dry-run", "mcp", "--config", path, "--command", "palisade");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("dry run", r.Out);
        Assert.Contains("+", r.Out);
        Assert.Equal(Original, File.ReadAllText(path));
    }

    [Fact]
    public void A_file_without_mcp_servers_is_an_error_that_says_what_to_do()
    {
        using var dir = new TempDir();
        var path = dir.File("settings.json");
        File.WriteAllText(path, """{ "hooks": {} }""");
        var r = Run("", "setup", "mcp", "--config", path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no \"mcpServers\"", r.Error);
    }

    [Theory]
    [InlineData("/usr/local/bin/palisade", new[] { "mcp", "--name", "x" }, true)]
    [InlineData("/usr/bin/dotnet", new[] { "/opt/p/palisade.dll", "mcp" }, true)]
    [InlineData("npx", new[] { "mcp", "server" }, false)]
    public void Already_wrapped_servers_are_recognised_whatever_the_path(string command, string[] args, bool wrapped) =>
        Assert.Equal(wrapped, McpLaunch.IsWrapped(command, args));
}
