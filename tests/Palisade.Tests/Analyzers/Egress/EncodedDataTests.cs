using Palisade.Core.Model;

namespace Palisade.Tests.Analyzers.Egress;

/// <summary>
/// What the encoded-data rules catch and let pass, measured on generated tokens (fixed seed, so the numbers are stable):
/// random base64 in a query is held for review almost always; hex digests and UUIDs never are.
/// </summary>
public sealed class EncodedDataTests
{
    private static double FlaggedShare(Func<Random, string> makeUrl, string rule)
    {
        var random = new Random(20240601);
        var flagged = 0;
        for (var i = 0; i < 200; i++)
            if (EgressTestEngine.Scan(makeUrl(random)).Findings.Any(f => f.RuleId == rule)) flagged++;
        return flagged / 200.0;
    }

    private static string Base64Url(Random r, int bytes) => Convert.ToBase64String(RandomBytes(r, bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Base32(Random r, int bytes)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        return string.Concat(RandomBytes(r, bytes * 8 / 5).Select(b => alphabet[b % 32]));
    }

    private static byte[] RandomBytes(Random r, int n)
    {
        var b = new byte[n];
        r.NextBytes(b);
        return b;
    }

    [Fact]
    public void Random_base64_in_a_query_is_held_for_review() =>
        Assert.InRange(FlaggedShare(r => $"https://collect.example.net/c?d={Base64Url(r, 24)}", "egress-high-entropy-path"), 0.85, 1.0);

    [Fact]
    public void Random_base32_subdomains_are_held_for_review() =>
        Assert.InRange(FlaggedShare(r => $"https://{Base32(r, 20)}.t.example.net/", "egress-high-entropy-host"), 0.6, 1.0);

    [Fact]
    public void Hex_subdomains_are_held_for_review() =>
        Assert.InRange(FlaggedShare(r => $"https://{Convert.ToHexStringLower(RandomBytes(r, 16))}.t.example.net/", "egress-high-entropy-host"), 0.9, 1.0);

    [Fact]
    public void Hex_digests_and_uuids_in_paths_pass()
    {
        Assert.Equal(0, FlaggedShare(r => $"https://github.com/o/r/commit/{Convert.ToHexStringLower(RandomBytes(r, 20))}", "egress-high-entropy-path"));
        Assert.Equal(0, FlaggedShare(r => $"https://registry.example.net/v2/app/blobs/sha256-{Convert.ToHexStringLower(RandomBytes(r, 32))}", "egress-high-entropy-path"));
        Assert.Equal(0, FlaggedShare(r => $"https://api.example.net/items/{new Guid(RandomBytes(r, 16))}", "egress-high-entropy-path"));
    }

    [Fact]
    public void Encoded_data_is_review_not_block()
    {
        var v = EgressTestEngine.Scan("https://collect.example.net/c?d=kP9xV2mQ7rT4wZ8nB3cL6fH1jD5sG0aY");
        Assert.Equal(Decision.Review, v.Decision);
    }
}
