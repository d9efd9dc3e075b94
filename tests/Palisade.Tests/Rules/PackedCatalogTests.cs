using System.Text.Json;
using Palisade.Core.Config;
using Palisade.Core.Rules;

namespace Palisade.Tests.Rules;

/// <summary>
/// The built-in rules come from a JSON catalog packed from rules/**/*.yaml at build time (build/RuleCatalogPacker).
/// These tests read the YAML files of this checkout with the YAML reader and require the same rules, field by field,
/// so a stale or wrongly packed catalog fails the build's tests.
/// </summary>
public sealed class PackedCatalogTests
{
    private static string RulesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Palisade.slnx"))) return Path.Combine(dir.FullName, "rules");
        throw new InvalidOperationException("the repository root (Palisade.slnx) was not found above the test binaries.");
    }

    private static IReadOnlyList<RuleDefinition> FromYaml()
    {
        var dir = RulesDirectory();
        return RuleCatalog.ReadYaml(Directory.EnumerateFiles(dir, "*.yaml", SearchOption.AllDirectories)
            .Select(f => ("rules/" + Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllText(f))));
    }

    [Fact]
    public void Packed_catalog_reads_to_the_rules_the_yaml_files_read_to()
    {
        var yaml = FromYaml();
        var packed = RuleCatalog.Builtin;
        Assert.Equal(yaml.Select(r => r.Id), packed.Select(r => r.Id));
        for (var i = 0; i < yaml.Count; i++)
            Assert.Equal(JsonSerializer.Serialize(yaml[i]), JsonSerializer.Serialize(packed[i]));
    }

    [Fact]
    public void Every_builtin_rule_compiles_its_regexes()
    {
        // Built-in rules build their regexes lazily; building all of them here means none can fail on first use.
        var rules = RuleCatalog.Builtin.Select((d, i) => CompiledRule.Compile(d, i)).ToArray();
        Assert.All(rules, r => Assert.NotNull(r.Regex));
        Assert.All(rules, r => Assert.Equal(r.Definition.Allow.Count, r.AllowPatterns.Count));
    }

    [Fact]
    public void Builtin_rules_are_compiled_lazily_and_custom_rules_at_once()
    {
        var builtin = RuleCatalog.Builtin[0];
        Assert.True(RuleCatalog.IsBuiltin(builtin));
        Assert.False(RuleCatalog.IsBuiltin(builtin with { }));
        var custom = builtin with { Id = "custom-broken", Pattern = "(unclosed", Origin = "palisade.yaml:7" };
        var e = Assert.Throws<ConfigException>(() => new RuleSet([custom]));
        Assert.StartsWith("palisade.yaml:7: bad regex in 'pattern'", e.Message);
    }

    [Fact]
    public void Packed_node_errors_name_the_file_and_the_line_of_the_mapping()
    {
        const string packed = """{"@":1,"scanner":"secrets","category":"secret","rules":[{"@":4,"id":"x-rule","pattern":"x","colour":"red"}]}""";
        using var doc = JsonDocument.Parse(packed);
        var e = Assert.Throws<ConfigException>(() => RuleFileReader.Read(PackedRuleNode.Root(doc.RootElement, "rules/secrets/x.yaml")));
        Assert.Equal("rules/secrets/x.yaml:4: unknown key 'rules[0].colour'. Check the spelling; see docs/configuration.md for the keys this section takes.", e.Message);
    }

    [Fact]
    public void Packed_and_yaml_nodes_report_a_bad_rule_alike()
    {
        const string yaml = "scanner: secrets\ncategory: secret\nrules:\n  - id: X_rule\n    pattern: x\n";
        const string packed = """{"@":1,"scanner":"secrets","category":"secret","rules":[{"@":4,"id":"X_rule","pattern":"x"}]}""";
        using var doc = JsonDocument.Parse(packed);
        var fromYaml = Assert.Throws<ConfigException>(() => RuleFileReader.Read(yaml, "rules/x.yaml"));
        var fromPacked = Assert.Throws<ConfigException>(() => RuleFileReader.Read(PackedRuleNode.Root(doc.RootElement, "rules/x.yaml")));
        Assert.Equal(fromYaml.Message, fromPacked.Message);
    }
}
