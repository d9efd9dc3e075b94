using System.Text.Json;
using Palisade.Tests.Support;

namespace Palisade.Tests.Cli;

/// <summary><c>palisade eval --area egress</c> on small corpora in the real formats.</summary>
public sealed class EgressEvalTests
{
    [Fact]
    public void Ssrf_payloads_count_when_blocked_placeholders_are_left_out_and_benign_urls_count_three_ways()
    {
        using var dir = new CliRunner.TempDir();
        Directory.CreateDirectory(dir.File("payloadsallthethings-ssrf"));
        Directory.CreateDirectory(dir.File("tldr-urls"));
        File.WriteAllLines(dir.File("payloadsallthethings-ssrf/ssrf_urls.jsonl"),
        [
            """{"id":"s1","label":"ssrf_payload","text":"http://0x7f000001/","target_class_heuristic":"internal_ip"}""",
            """{"id":"s2","label":"ssrf_payload","text":"gopher://[host]:[port]/_x","target_class_heuristic":"non_http_scheme"}""",
            """{"id":"s3","label":"ssrf_payload","text":"https://example.org/opaque-redirector","target_class_heuristic":"other"}""",
        ]);
        File.WriteAllLines(dir.File("tldr-urls/items.jsonl"),
        [
            """{"id":"t1","label":"benign_url","text":"https://docs.python.org/3/"}""",
            """{"id":"t2","label":"benign_url","text":"https://pastebin.com/raw/abc"}""",
        ]);
        var r = CliRunner.Run("", "eval", "--corpora", dir.Path, "--area", "egress", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        var suites = JsonDocument.Parse(r.Out).RootElement.GetProperty("suites").EnumerateArray().ToList();

        var ssrf = suites.Single(s => s.GetProperty("name").GetString() == "payloadsallthethings-ssrf").GetProperty("total");
        Assert.Equal(2, ssrf.GetProperty("attacks").GetInt32());
        Assert.Equal(1, ssrf.GetProperty("attacks_flagged").GetInt32());
        Assert.Equal("s3", ssrf.GetProperty("missed")[0].GetString());

        var tldr = suites.Single(s => s.GetProperty("name").GetString() == "tldr-urls").GetProperty("subsets").EnumerateArray()
            .ToDictionary(s => s.GetProperty("subset").GetString()!, s => s.GetProperty("benign_flagged").GetInt32());
        Assert.Equal(0, tldr["blocked"]);
        Assert.Equal(1, tldr["held or blocked"]);
        Assert.Equal(1, tldr["any finding"]);

        Assert.Contains(suites, s => s.GetProperty("name").GetString() == "puffer-bench network" && s.GetProperty("skipped").GetString()!.Contains("not found"));
    }
}
