using System.Reflection;
using System.Text.Json;

namespace Palisade.Core.Rules;

/// <summary>
/// The rules shipped inside the engine: every YAML file under <c>rules/</c>, packed at build time into one JSON
/// resource (build/RuleCatalogPacker) and read with the same <see cref="RuleFileReader"/> as the YAML, without a YAML
/// parser at run time. A test proves the packed catalog reads to exactly what the YAML files read to.
/// See docs/decisions/013-engine-cold-start.md.
/// </summary>
public static class RuleCatalog
{
    /// <summary>The logical name of the packed catalog inside the assembly.</summary>
    internal const string PackedResource = "rules.catalog.json";

    private static readonly Lazy<IReadOnlyList<RuleDefinition>> Embedded = new(LoadEmbedded);
    private static readonly Lazy<HashSet<RuleDefinition>> EmbeddedSet = new(() => new HashSet<RuleDefinition>(Embedded.Value, ReferenceEqualityComparer.Instance));

    public static IReadOnlyList<RuleDefinition> Builtin => Embedded.Value;

    /// <summary>Whether <paramref name="rule"/> is one of <see cref="Builtin"/> (the same object, not an equal one).</summary>
    public static bool IsBuiltin(RuleDefinition rule) => Embedded.IsValueCreated && EmbeddedSet.Value.Contains(rule);

    private static IReadOnlyList<RuleDefinition> LoadEmbedded()
    {
        using var stream = typeof(RuleCatalog).Assembly.GetManifestResourceStream(PackedResource)
            ?? throw new InvalidOperationException($"embedded resource '{PackedResource}' is missing from the build.");
        using var document = JsonDocument.Parse(stream);
        // A loop, not LINQ over (name, rules) tuples, which every hook process would jit (docs/decisions/014-hook-install.md).
        var files = new List<IReadOnlyList<RuleDefinition>>();
        foreach (var f in document.RootElement.EnumerateObject()) files.Add(RuleFileReader.Read(PackedRuleNode.Root(f.Value, f.Name)));
        return Collect(files);
    }

    /// <summary>
    /// Reads rule files given as (name below the repository root, e.g. <c>rules/secrets/aws.yaml</c>; YAML text),
    /// in name order: what the packed catalog is built from.
    /// </summary>
    public static IReadOnlyList<RuleDefinition> ReadYaml(IEnumerable<(string Name, string Yaml)> files) =>
        Collect(files.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => RuleFileReader.Read(f.Yaml, f.Name)));

    private static List<RuleDefinition> Collect(IEnumerable<IReadOnlyList<RuleDefinition>> files)
    {
        var rules = new List<RuleDefinition>();
        foreach (var file in files) rules.AddRange(file);
        var ids = new HashSet<string>(rules.Count, StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (ids.Add(rule.Id)) continue;
            var duplicate = rules.GroupBy(r => r.Id).First(g => g.Count() > 1);
            throw new InvalidOperationException($"rule id '{duplicate.Key}' is defined twice ({string.Join(", ", duplicate.Select(r => r.Origin))}).");
        }
        return rules;
    }

    /// <summary>An embedded data file under <c>src/Palisade.Core/Data/</c>, e.g. a word list.</summary>
    internal static Stream OpenData(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("data/" + name)
        ?? throw new InvalidOperationException($"embedded data file '{name}' is missing from the build.");
}
