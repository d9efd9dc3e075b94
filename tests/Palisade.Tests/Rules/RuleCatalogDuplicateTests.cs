using Palisade.Core.Rules;

namespace Palisade.Tests.Rules;

public sealed class RuleCatalogDuplicateTests
{
    private static string File(string id) => $"""
        scanner: secrets
        category: credential
        rules:
          - id: {id}
            description: a test rule
            severity: high
            pattern: 'zz[0-9]+'
        """;

    [Fact]
    public void An_id_defined_in_two_files_is_refused_naming_both()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            RuleCatalog.ReadYaml([("rules/b.yaml", File("dup-rule")), ("rules/a.yaml", File("dup-rule")), ("rules/c.yaml", File("other-rule"))]));
        Assert.Contains("rule id 'dup-rule' is defined twice", e.Message);
        Assert.Contains("rules/a.yaml", e.Message);
        Assert.Contains("rules/b.yaml", e.Message);
    }

    [Fact]
    public void Distinct_ids_across_files_are_all_kept_in_name_order() =>
        Assert.Equal(["one", "two"], RuleCatalog.ReadYaml([("rules/b.yaml", File("two")), ("rules/a.yaml", File("one"))]).Select(r => r.Id));
}
