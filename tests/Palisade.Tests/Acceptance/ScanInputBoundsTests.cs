using System.Text.Json;
using Palisade.Cli;
using Palisade.Tests.Support;

namespace Palisade.Tests.Acceptance;

/// <summary>
/// <c>palisade scan</c> does not trust the size of its input: an endless stream or an endless batch line is cut at the
/// configured field limit (and blocked), never read whole into memory.
/// </summary>
public sealed class ScanInputBoundsTests
{
    private static (int Code, string Out, string Error) Run(TextReader stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.Run(args, new CliConsole(stdin, output, error));
        return (code, output.ToString(), error.ToString());
    }

    private static string SmallLimitConfig(CliRunner.TempDir dir)
    {
        File.WriteAllText(dir.File("c.yaml"), "limits:\n  max_field_chars: 4096\n");
        return dir.File("c.yaml");
    }

    [Fact]
    public void A_single_scan_reads_one_character_past_the_limit_and_blocks()
    {
        using var dir = new CliRunner.TempDir();
        var stdin = new GeneratedReader('a', 300_000_000); // 600 MB as one string if it were read whole
        var r = Run(stdin, "scan", "--format", "json", "--config", SmallLimitConfig(dir));
        Assert.Equal(1, r.Code);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("block", doc.RootElement.GetProperty("decision").GetString());
        Assert.Equal("engine-oversized", doc.RootElement.GetProperty("rule").GetString());
        Assert.InRange(stdin.CharsRead, 4097, 4096 + 64 * 1024);
    }

    [Fact]
    public void A_batch_line_over_the_limit_is_an_error_result_and_the_run_goes_on_without_holding_it()
    {
        using var dir = new CliRunner.TempDir();
        const long lineLength = 200_000_000; // 400 MB as one string if it were kept
        var stdin = new GeneratedReader('x', lineLength, "\n{\"id\":\"after\",\"content\":\"hello\"}\n");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var r = Run(stdin, "scan", "--batch", "--config", SmallLimitConfig(dir));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using (var first = JsonDocument.Parse(lines[0]))
        {
            Assert.Equal("error", first.RootElement.GetProperty("decision").GetString());
            Assert.Equal(1, first.RootElement.GetProperty("line").GetInt32());
            Assert.Contains("limit", first.RootElement.GetProperty("error").GetString());
        }
        using (var second = JsonDocument.Parse(lines[1]))
        {
            Assert.Equal("after", second.RootElement.GetProperty("id").GetString());
            Assert.Equal("allow", second.RootElement.GetProperty("decision").GetString());
        }
        Assert.Equal(1, r.Code);
        Assert.True(allocated < lineLength, $"reading the batch allocated {allocated:N0} bytes for a {lineLength:N0}-character line");
    }

    [Fact]
    public void A_batch_line_that_is_not_json_does_not_echo_its_content_in_the_error()
    {
        const string key = "sk-ant-api03-u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFRIBXuDL7DxtpYlSXpfKtHFAA";
        var r = CliRunner.Run($"not json {key}\n{{\"id\":\"x\",\"content\":\"unterminated {key}\n", "scan", "--batch");
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Contains("\"decision\":\"error\"", l));
        Assert.DoesNotContain(key[12..40], r.Out);
        Assert.DoesNotContain(key[12..40], r.Error);
    }
}
