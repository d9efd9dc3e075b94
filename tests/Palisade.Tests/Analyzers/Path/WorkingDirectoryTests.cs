using Palisade.Core.Analyzers.Paths;
using Palisade.Core.Engine;
using Palisade.Core.Model;

namespace Palisade.Tests.Analyzers.Paths;

/// <summary>
/// A relative path is judged where it is: resolved against the working directory of the action it came from, whether
/// it is a command's operand, a tool call's path argument, or a file access of its own.
/// </summary>
public sealed class WorkingDirectoryTests
{
    private static readonly PalisadeEngine Engine = PalisadeEngine.CreateDefault();

    private static Verdict Command(string line, string? cwd) => Engine.Evaluate(new AgentAction
    {
        Kind = ActionKind.Command, CommandLine = line, WorkingDirectory = cwd, Fields = [new ContentField("command", line)],
    });

    private static Verdict Tool(string tool, string json, string? cwd) => Engine.Evaluate(new AgentAction
    {
        Kind = ActionKind.ToolCall, ToolName = tool, ArgumentsJson = json, WorkingDirectory = cwd,
    });

    [Theory]
    [InlineData("cat credentials", "/home/u/.aws", "path-aws-credentials")]
    [InlineData("head -n 3 id_ed25519", "/home/u/.ssh", "path-ssh-private-key")]
    [InlineData("cat .aws/credentials", "/Users/u", "path-aws-credentials")]
    [InlineData("cat ../.aws/credentials", "/home/u/proj", "path-aws-credentials")]
    [InlineData("cd .aws && cat credentials", "/home/u", "path-aws-credentials")]
    [InlineData("cd .. && cat .kube/config", "/home/u/proj", "path-kube-config")]
    [InlineData("type credentials", "C:\\Users\\u\\.aws", "path-aws-credentials")]
    public void A_commands_relative_operand_starts_in_its_working_directory(string line, string cwd, string rule)
    {
        var verdict = Command(line, cwd);
        Assert.Equal(Decision.Block, verdict.Decision);
        Assert.Contains(verdict.Findings, f => f.RuleId == rule);
    }

    [Theory]
    [InlineData("Read", """{"file_path":"credentials"}""", "/home/u/.aws", "path-aws-credentials")]
    [InlineData("Read", """{"file_path":"config"}""", "/home/u/.kube", "path-kube-config")]
    [InlineData("Bash", """{"command":"cat credentials"}""", "/home/u/.aws", "path-aws-credentials")]
    [InlineData("Write", """{"file_path":"authorized_keys","content":"ssh-ed25519 AAAA x"}""", "/home/u/.ssh", "path-authorized-keys-write")]
    public void A_tool_calls_relative_path_starts_in_its_working_directory(string tool, string json, string cwd, string rule)
    {
        var verdict = Tool(tool, json, cwd);
        Assert.Equal(Decision.Block, verdict.Decision);
        Assert.Contains(verdict.Findings, f => f.RuleId == rule);
    }

    [Theory]
    [InlineData("""{"pattern":"secret","path":"/home/u/.config"}""", null, "path-gcloud-credentials")]
    [InlineData("""{"pattern":"secret","path":".config"}""", "/home/u", "path-gcloud-credentials")]
    [InlineData("""{"pattern":"secret","path":"."}""", "/home/u/.mozilla/firefox/x.default", "path-firefox-profile-secrets")]
    [InlineData("""{"pattern":"secret"}""", "/home/u/.config", "path-gcloud-credentials")]
    public void A_grep_tool_searching_a_directory_reads_the_stores_in_it(string json, string? cwd, string rule)
    {
        var verdict = Tool("Grep", json, cwd);
        Assert.Equal(Decision.Block, verdict.Decision);
        var finding = Assert.Single(verdict.Findings, f => f.RuleId == rule);
        Assert.Contains("whole (recursively)", finding.Description);
        Assert.StartsWith("arguments.path", finding.Location.Field);
    }

    [Theory]
    [InlineData("""{"pattern":"TODO","path":"src"}""", "/home/u/proj")]
    [InlineData("""{"pattern":"TODO"}""", "/home/u/proj")]
    [InlineData("""{"pattern":"TODO"}""", null)]
    public void A_grep_tool_searching_a_project_is_allowed(string json, string? cwd) =>
        Assert.Equal(Decision.Allow, Tool("Grep", json, cwd).Decision);

    [Fact]
    public void A_file_access_with_a_relative_path_starts_in_its_working_directory() =>
        Assert.Equal(Decision.Block, Engine.Evaluate(new AgentAction
        {
            Kind = ActionKind.FileAccess, Path = "credentials", FileOperation = FileOperation.Read, WorkingDirectory = "/home/u/.aws",
        }).Decision);

    [Theory]
    // No working directory: judged as written, as before.
    [InlineData("cat credentials", null)]
    // The line moved somewhere it does not name: the working directory no longer says where the file is.
    [InlineData("cd \"$X\" && cat credentials", "/home/u/.aws")]
    [InlineData("cat credentials", "/home/u/proj")]
    [InlineData("cat README.md", "/home/u/.aws/../proj")]
    public void Elsewhere_a_relative_operand_is_an_ordinary_file(string line, string? cwd) =>
        Assert.Equal(Decision.Allow, Command(line, cwd).Decision);

    /// <summary>Every credential store a tree read stands for is one the rules know, and block.</summary>
    [Fact]
    public void Every_representative_credential_store_is_blocked_by_a_path_rule()
    {
        foreach (var store in WholeDirectory.CredentialStores)
        {
            var path = store.Replace("*", "default", StringComparison.Ordinal);
            var verdict = Engine.Evaluate(new AgentAction { Kind = ActionKind.FileAccess, Path = path, FileOperation = FileOperation.Read });
            Assert.True(verdict.Decision == Decision.Block, $"{path}: {verdict.Decision}");
        }
    }

    [Theory]
    [InlineData("~/.config", "~/.config/gcloud/credentials.db")]
    [InlineData("~/.mozilla/firefox/abc.default", "~/.mozilla/firefox/abc.default/logins.json")]
    [InlineData("~/library/application support", "~/library/application support/google/chrome/default/login data")]
    public void A_directory_holds_the_stores_below_it(string dir, string store) =>
        Assert.Contains(store, WholeDirectory.CredentialsInside(dir));

    [Theory]
    [InlineData("~/.ssh/keys")]
    [InlineData("~/projects")]
    [InlineData("src")]
    [InlineData("/etc")]
    public void A_directory_inside_a_store_or_away_from_them_holds_none_to_add(string dir) =>
        Assert.Empty(WholeDirectory.CredentialsInside(dir));
}
