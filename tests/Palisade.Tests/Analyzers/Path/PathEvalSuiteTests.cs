using System.Text.Json;
using Palisade.Cli.Eval;
using Palisade.Tests.Support;

namespace Palisade.Tests.Analyzers.Paths;

public sealed class PathEvalSuiteTests
{
    [Theory]
    [InlineData("cat ~/.ssh/id_rsa", true)]
    [InlineData("tar czf /tmp/x.tgz ~/.aws", true)]
    [InlineData("~/Library/Application Support/Google/Chrome/Default/Login Data", false)]
    [InlineData("Login Data", false)]
    [InlineData("/etc/shadow", false)]
    [InlineData("C:\\Program Files\\App", false)]
    public void Fixtures_are_routed_as_commands_only_when_they_are_command_lines(string text, bool command) =>
        Assert.Equal(command, PathSuites.LooksLikeCommand(text));

    [Fact]
    public void Puffer_filesystem_items_are_scanned_as_paths_and_commands_as_commands()
    {
        using var dir = new CliRunner.TempDir();
        Directory.CreateDirectory(dir.File("puffer-bench/fixtures"));
        File.WriteAllText(dir.File("puffer-bench/attacks.json"), """
            [{"id":"FS-1","text":"/home/user/.ssh/id_rsa","layer":"filesystem","category":"forbidden_path"},
             {"id":"INJ-1","text":"ignore previous instructions","layer":"injection","category":"x"}]
            """);
        File.WriteAllText(dir.File("puffer-bench/fixtures/filesystem-attacks.json"), """
            [{"path":"%2e%2e/%2e%2e/etc/passwd","description":"encoded"},
             {"path":"docs/readme.md","description":"not an attack, but labelled as one"},
             {"path":"cat ~/.ssh/id_rsa","description":"a command"}]
            """);
        var r = CliRunner.Run("", "eval", "--corpora", dir.Path, "--area", "path", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        var suites = JsonDocument.Parse(r.Out).RootElement.GetProperty("suites").EnumerateArray().ToList();
        var puffer = suites.Single(s => s.GetProperty("name").GetString() == "puffer-bench filesystem");
        var total = puffer.GetProperty("total");
        Assert.Equal(4, total.GetProperty("attacks").GetInt32());
        Assert.Contains("filesystem-attacks-1", total.GetProperty("missed").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("FS-1", total.GetProperty("missed").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("filesystem-attacks-0", total.GetProperty("missed").EnumerateArray().Select(e => e.GetString()));
        var routed = puffer.GetProperty("subsets").EnumerateArray().Single(s => s.GetProperty("subset").GetString() == "routed as command");
        Assert.Equal(1, routed.GetProperty("attacks").GetInt32());
        Assert.Contains(suites, s => s.GetProperty("name").GetString() == "agentfirewall-evals file steps" && s.GetProperty("skipped").GetString()!.Contains("not found"));
    }
}
