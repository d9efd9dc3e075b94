using Palisade.Core.Rules;
using Palisade.Core.Scanners;

namespace Palisade.Tests.Rules;

/// <summary>Properties of the shipped secrets rule set as a whole.</summary>
public sealed class SecretsRuleSetTests
{
    private static readonly IReadOnlyList<RuleDefinition> Secrets =
        RuleCatalog.Builtin.Where(r => r.Scanner == SecretsScanner.ScannerName).ToArray();

    [Fact]
    public void At_least_sixty_credential_types_are_covered() =>
        Assert.True(Secrets.Count >= 60, $"only {Secrets.Count} secrets rules");

    [Fact]
    public void Every_named_validator_exists()
    {
        foreach (var rule in Secrets.Where(r => r.Validator is not null))
            Assert.True(Validators.Exists(rule.Validator!), $"{rule.Id} names unknown validator {rule.Validator}");
    }

    [Theory]
    [InlineData("github-pat")]
    [InlineData("aws-access-key-id")]
    [InlineData("openai-api-key")]
    [InlineData("anthropic-api-key")]
    [InlineData("private-key-pem")]
    [InlineData("stripe-live-secret-key")]
    public void High_value_provider_keys_are_core(string id) =>
        Assert.True(Secrets.Single(r => r.Id == id).Core, $"{id} should be a core rule");

    [Fact]
    public void Stripe_test_keys_rank_below_live_keys()
    {
        var live = Secrets.Single(r => r.Id == "stripe-live-secret-key");
        var test = Secrets.Single(r => r.Id == "stripe-test-secret-key");
        Assert.True(test.Severity < live.Severity);
    }

    [Fact]
    public void Keywords_are_long_enough_for_the_prefilter_to_matter()
    {
        // Short alphanumeric keywords ("pk", "pw") occur in nearly every text and make the prefilter pointless; the few
        // rules with no literal at all (seed phrases, WIF keys, Discord tokens) say so with an empty list instead.
        var weak = Secrets.SelectMany(r => r.Keywords.Where(k => k.Length < 3 && k.All(char.IsLetterOrDigit)).Select(k => $"{r.Id}: '{k}'")).ToArray();
        Assert.Empty(weak);
    }
}
