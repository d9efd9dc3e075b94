using Palisade.Core.Config;
using Palisade.Core.Model;
using Palisade.Core.Policy;

namespace Palisade.Tests.Config;

public sealed class ConfigLoaderTests
{
    private static ConfigException Fails(string yaml) => Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "test.yaml"));

    [Fact]
    public void A_full_config_loads()
    {
        var c = ConfigLoader.Parse("""
            mode: monitor
            actions:
              pii: redact
            rules:
              pii-email: block
              pii-aba-routing: { enabled: true, action: review }
              pii-phone: off
            injection:
              audit_at: 0.2
              review_at: 0.5
              block_at: 0.9
            allow:
              values: ['4787789328792170']
            limits:
              max_field_chars: 100000
              decode_depth: 2
            custom_rules:
              - id: acme-internal-token
                scanner: secrets
                category: credential
                description: ACME internal token
                keywords: [acme_]
                pattern: 'acme_[a-z0-9]{24}'
            """, "test.yaml");
        Assert.Equal(PolicyMode.Monitor, c.Mode);
        Assert.Equal(Decision.Redact, c.CategoryActions["pii"]);
        Assert.Equal(Decision.Block, c.CategoryActions["credential"]);
        Assert.Equal(new RuleSetting(true, Decision.Review), c.Rules["pii-aba-routing"]);
        Assert.Equal(new RuleSetting(false, null), c.Rules["pii-phone"]);
        Assert.Equal(0.9, c.Injection.Block);
        Assert.Single(c.CustomRules);
        Assert.Equal(2, c.Decode.MaxDepth);
    }

    [Fact]
    public void An_unknown_key_is_an_error_naming_key_and_line()
    {
        var e = Fails("mode: enforce\nactions:\n  pii: audit\nmodee: monitor\n");
        Assert.Contains("test.yaml:4", e.Message);
        Assert.Contains("'modee'", e.Message);
    }

    [Fact]
    public void An_unknown_nested_key_names_its_path() =>
        Assert.Contains("'injection.blok_at'", Fails("injection:\n  blok_at: 0.5\n").Message);

    [Fact]
    public void A_wrong_type_is_an_error_with_the_line()
    {
        var e = Fails("limits:\n  max_field_chars: lots\n");
        Assert.Contains("test.yaml:2", e.Message);
        Assert.Contains("whole number", e.Message);
    }

    [Fact]
    public void A_bad_mode_lists_the_good_ones() => Assert.Contains("monitor, enforce, paranoid, interactive", Fails("mode: strict").Message);

    [Fact]
    public void A_bad_regex_in_a_custom_rule_is_an_error_with_the_line()
    {
        var e = Fails("custom_rules:\n  - id: broken\n    scanner: secrets\n    category: credential\n    pattern: 'abc(('\n");
        // the line of the pattern itself, not of the rule that holds it
        Assert.Contains("test.yaml:5", e.Message);
        Assert.Contains("bad regex", e.Message);
    }

    [Fact]
    public void A_boundary_entropy_floor_must_lower_the_rules_own_floor()
    {
        const string rule = "custom_rules:\n  - id: shaped\n    scanner: secrets\n    category: credential\n    pattern: 'zz_[a-z0-9]{20}'\n";
        Assert.Contains("'boundary_entropy' must be below", Fails(rule + "    boundary_entropy: 1.5\n").Message);
        Assert.Contains("'boundary_entropy' must be below", Fails(rule + "    entropy: 2.0\n    boundary_entropy: 2.5\n").Message);
    }

    [Fact]
    public void An_unknown_rule_id_is_an_error() => Assert.Contains("unknown rule 'no-such-rule'", Fails("rules:\n  no-such-rule: off\n").Message);

    [Fact]
    public void A_core_rule_cannot_be_switched_off() => Assert.Contains("core rule", Fails("rules:\n  anthropic-api-key: off\n").Message);

    [Fact]
    public void A_core_rule_cannot_be_lowered() => Assert.Contains("not set below 'block'", Fails("rules:\n  openai-api-key: audit\n").Message);

    [Fact]
    public void Thresholds_must_be_ordered() => Assert.Contains("audit_at <= review_at", Fails("injection:\n  review_at: 0.9\n  block_at: 0.8\n").Message);

    [Fact]
    public void A_custom_rule_may_not_reuse_a_builtin_id() =>
        Assert.Contains("already a built-in rule", Fails("custom_rules:\n  - id: pii-email\n    scanner: pii\n    category: pii\n    pattern: 'x'\n").Message);

    [Fact]
    public void Yaml_syntax_errors_name_the_line() => Assert.Contains("test.yaml:", Fails("mode: [enforce\n").Message);

    [Fact]
    public void Show_writes_yaml_that_loads_back_to_the_same_policy()
    {
        var original = ConfigLoader.Parse("mode: paranoid\nrules:\n  pii-phone: off\n  pii-email: block\nallow:\n  values: ['it''s']\n", "a.yaml");
        var again = ConfigLoader.Parse(ConfigWriter.ToYaml(original), "b.yaml");
        Assert.Equal(original.Mode, again.Mode);
        Assert.Equal(original.Rules, again.Rules);
        Assert.Equal(original.AllowValues, again.AllowValues);
        Assert.Equal(original.CategoryActions, again.CategoryActions);
        Assert.Equal(original.Injection, again.Injection);
    }
}
