using System.Reflection;

namespace Palisade.Core.Rules;

/// <summary>The rules shipped inside the engine: every YAML file under <c>rules/</c>, embedded at build time.</summary>
public static class RuleCatalog
{
    private static readonly Lazy<IReadOnlyList<RuleDefinition>> Embedded = new(LoadEmbedded);

    public static IReadOnlyList<RuleDefinition> Builtin => Embedded.Value;

    private static IReadOnlyList<RuleDefinition> LoadEmbedded()
    {
        var asm = typeof(RuleCatalog).Assembly;
        var rules = new List<RuleDefinition>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            rules.AddRange(RuleFileReader.Read(reader.ReadToEnd(), name));
        }
        var duplicate = rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"rule id '{duplicate.Key}' is defined twice ({string.Join(", ", duplicate.Select(r => r.Origin))}).");
        return rules;
    }

    /// <summary>An embedded data file under <c>src/Palisade.Core/Data/</c>, e.g. a word list.</summary>
    internal static Stream OpenData(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("data/" + name)
        ?? throw new InvalidOperationException($"embedded data file '{name}' is missing from the build.");
}
