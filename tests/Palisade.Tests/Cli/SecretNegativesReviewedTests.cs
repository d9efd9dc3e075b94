using System.Text.Json;
using Palisade.Tests.Support;

namespace Palisade.Tests.Cli;

/// <summary>
/// Negatives reviewed as credentials (docs/decisions/015) stay counted among the covered negatives and are also reported
/// apart; the texts here are our own, only the item id names a reviewed entry.
/// </summary>
public sealed class SecretNegativesReviewedTests
{
    [Fact]
    public void A_reviewed_negative_stays_in_the_covered_negatives_and_is_reported_apart()
    {
        using var dir = new CliRunner.TempDir();
        Directory.CreateDirectory(dir.File("gitleaks"));
        File.WriteAllLines(dir.File("gitleaks/items.jsonl"),
        [
            """{"id":"gitleaks-gcp-api-key-not_secret-167","label":"not_secret","rule_id":"gcp-api-key","text":"maps_key = AIzaSyQ4vL8mZ2xR7tK1pN6wB3cY9dF5hJ0gA2s"}""",
            """{"id":"own-negative-1","label":"not_secret","rule_id":"gcp-api-key","text":"see the Google Maps docs for how to restrict a key"}""",
            """{"id":"own-positive-1","label":"secret","rule_id":"gcp-api-key","text":"GOOGLE_API_KEY=AIzaSyR8kT2vN5mQ9xL3wC7bZ1dH6fJ4gP0sY2e"}""",
        ]);
        var r = CliRunner.Run("", "eval", "--area", "secrets", "--corpora", dir.Path, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        var gitleaks = JsonDocument.Parse(r.Out).RootElement.GetProperty("suites").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "gitleaks");
        JsonElement Subset(string name) => gitleaks.GetProperty("subsets").EnumerateArray().Single(s => s.GetProperty("subset").GetString() == name);

        var covered = Subset("negatives (covered types)");
        Assert.Equal(2, covered.GetProperty("benign").GetInt32());
        Assert.Equal(1, covered.GetProperty("benign_flagged").GetInt32());

        var reviewed = Subset("negatives (covered, reviewed as credentials)");
        Assert.Equal(1, reviewed.GetProperty("benign").GetInt32());
        Assert.Equal("gitleaks-gcp-api-key-not_secret-167", reviewed.GetProperty("false_positives")[0].GetString());

        var apart = Subset("negatives (covered, reviewed credentials apart)");
        Assert.Equal(1, apart.GetProperty("benign").GetInt32());
        Assert.Equal(0, apart.GetProperty("benign_flagged").GetInt32());
    }
}
