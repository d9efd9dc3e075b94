using Palisade.Core.Analyzers.Paths;
using Palisade.Core.Config;
using Palisade.Core.Engine;
using Palisade.Core.Model;
using Palisade.Core.Rules;
using Palisade.Tests.Support;

namespace Palisade.Tests.Analyzers.Paths;

public sealed class FileAccessInputTests
{
    [Theory]
    [InlineData("~/.bashrc", FileOperation.Read, "~/.bashrc")]
    [InlineData("write:~/.bashrc", FileOperation.Write, "~/.bashrc")]
    [InlineData("DELETE: /tmp/x", FileOperation.Delete, "/tmp/x")]
    [InlineData("execute:/tmp/x.sh", FileOperation.Execute, "/tmp/x.sh")]
    [InlineData("read:C:\\Users\\x", FileOperation.Read, "C:\\Users\\x")]
    [InlineData("C:\\Windows\\System32", FileOperation.Read, "C:\\Windows\\System32")]
    [InlineData("c:", FileOperation.Read, "c:")]
    [InlineData("write:C:\\x", FileOperation.Write, "C:\\x")]
    [InlineData("\"~/.ssh/id_rsa\"\n", FileOperation.Read, "~/.ssh/id_rsa")]
    [InlineData("append:/x", FileOperation.Read, "append:/x")]
    public void The_operation_prefix_is_split_off_and_a_drive_letter_is_not_one(string input, FileOperation op, string path)
    {
        var action = ScanKind.ToAction("path", input);
        Assert.Equal(ActionKind.FileAccess, action.Kind);
        Assert.Equal(op, action.FileOperation);
        Assert.Equal(path, action.Path);
    }

    [Fact]
    public void A_rule_can_name_its_operations_and_a_wrong_one_is_an_error()
    {
        const string yaml = """
            scanner: path
            category: test
            rules:
              - id: t-one
                pattern: 'x'
                operations: [write, delete]
            """;
        Assert.Equal([FileOperation.Write, FileOperation.Delete], RuleFileReader.Read(yaml, "t.yaml")[0].Operations);
        var e = Assert.Throws<ConfigException>(() => RuleFileReader.Read(yaml.Replace("delete]", "append]"), "t.yaml"));
        Assert.Contains("append", e.Message);
        Assert.Empty(RuleFileReader.Read(yaml.Replace("\n    operations: [write, delete]", ""), "t.yaml")[0].Operations);
    }

    [Fact]
    public void Scan_cli_takes_the_operation_and_exits_1_on_block()
    {
        var r = CliRunner.Run("write:~/.claude/settings.json\n", "scan", "--kind", "path", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("path-ai-client-config-write", r.Out);
        Assert.Equal(0, CliRunner.Run("~/.claude/settings.json.md", "scan", "--kind", "path").ExitCode);
    }
}
