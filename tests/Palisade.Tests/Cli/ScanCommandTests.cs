using System.Text.Json;
using Palisade.Tests.Support;

namespace Palisade.Tests.Cli;

public sealed class ScanCommandTests
{
    private const string Key = "sk-ant-api03-u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFRIBXuDL7DxtpYlSXpfKtHFAA";

    [Fact]
    public void Clean_input_exits_0()
    {
        var r = CliRunner.Run("add a unit test for the tokenizer", "scan");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("ALLOW", r.Out);
    }

    [Fact]
    public void A_secret_exits_1_and_json_has_the_contract_fields_with_redacted_evidence()
    {
        var r = CliRunner.Run($"deploy with {Key}", "scan", "--format", "json", "--kind", "prompt");
        Assert.Equal(1, r.ExitCode);
        Assert.DoesNotContain(Key[12..], r.Out);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("block", doc.RootElement.GetProperty("decision").GetString());
        var finding = doc.RootElement.GetProperty("findings")[0];
        foreach (var field in new[] { "rule", "scanner", "category", "severity", "evidence" })
            Assert.Equal(JsonValueKind.String, finding.GetProperty(field).ValueKind);
        Assert.Equal("anthropic-api-key", finding.GetProperty("rule").GetString());
        Assert.Equal("secrets", finding.GetProperty("scanner").GetString());
    }

    [Fact]
    public void Monitor_mode_exits_0_but_says_what_would_happen()
    {
        var r = CliRunner.Run($"deploy with {Key}", "scan", "--format", "json", "--mode", "monitor");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("audit", doc.RootElement.GetProperty("decision").GetString());
        Assert.Equal("block", doc.RootElement.GetProperty("would_decide").GetString());
    }

    [Theory]
    [InlineData("scan", "--kind", "nonsense")]
    [InlineData("scan", "--format", "xml")]
    [InlineData("scan", "--mode", "strict")]
    [InlineData("scan", "--no-such-flag")]
    [InlineData("scan", "/no/such/file.txt")]
    public void Usage_errors_exit_2(params string[] args) => Assert.Equal(2, CliRunner.Run("", args).ExitCode);

    [Fact]
    public void A_bad_config_exits_2_naming_the_line()
    {
        using var dir = new CliRunner.TempDir();
        File.WriteAllText(dir.File("c.yaml"), "mode: enforce\nbogus: 1\n");
        var r = CliRunner.Run("hello", "scan", "--config", dir.File("c.yaml"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("c.yaml:2", r.Error);
        Assert.Contains("bogus", r.Error);
    }

    [Fact]
    public void Sarif_output_is_sarif_2_1_0_with_one_result_per_finding()
    {
        var r = CliRunner.Run($"key {Key}", "scan", "--format", "sarif");
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.Equal("anthropic-api-key", results[0].GetProperty("ruleId").GetString());
        Assert.Equal("error", results[0].GetProperty("level").GetString());
        Assert.DoesNotContain(Key[12..], r.Out);
    }

    [Fact]
    public void Batch_answers_each_line_in_order_with_its_id_and_survives_bad_lines()
    {
        var input = string.Join('\n',
            """{"id":"a","content":"hello there"}""",
            """{"id":7,"kind":"prompt","content":"my key is KEY"}""".Replace("KEY", Key),
            "this is not json",
            """{"id":"no-content"}""",
            """{"id":"bad-kind","kind":"video","content":"x"}""",
            "",
            """{"id":"z","content":"bye"}""");
        var r = CliRunner.Run(input, "scan", "--batch");
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6, lines.Count);
        Assert.Equal("a", lines[0].GetProperty("id").GetString());
        Assert.Equal("allow", lines[0].GetProperty("decision").GetString());
        Assert.Equal(7, lines[1].GetProperty("id").GetInt32());
        Assert.Equal("block", lines[1].GetProperty("decision").GetString());
        Assert.Equal(JsonValueKind.Null, lines[2].GetProperty("id").ValueKind);
        Assert.Equal(3, lines[2].GetProperty("line").GetInt32());
        Assert.Equal("error", lines[2].GetProperty("decision").GetString());
        Assert.Equal("no-content", lines[3].GetProperty("id").GetString());
        Assert.Equal("error", lines[3].GetProperty("decision").GetString());
        Assert.Equal("bad-kind", lines[4].GetProperty("id").GetString());
        Assert.Equal("z", lines[5].GetProperty("id").GetString());
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("3 errors", r.Error);
        Assert.Contains("MB/s", r.Error);
        Assert.DoesNotContain(Key[12..], r.Out);
    }

    [Fact]
    public void Batch_of_clean_lines_exits_0()
    {
        var r = CliRunner.Run("{\"id\":1,\"content\":\"fine\"}\n{\"id\":2,\"content\":\"also fine\"}\n", "scan", "--batch");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(2, r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Config_validate_accepts_a_good_file_and_rejects_a_bad_one()
    {
        using var dir = new CliRunner.TempDir();
        File.WriteAllText(dir.File("good.yaml"), "mode: monitor\n");
        File.WriteAllText(dir.File("bad.yaml"), "rules:\n  openai-api-key: off\n");
        Assert.Equal(0, CliRunner.Run("", "config", "validate", dir.File("good.yaml")).ExitCode);
        var bad = CliRunner.Run("", "config", "validate", dir.File("bad.yaml"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("bad.yaml:2", bad.Error);
    }
}
