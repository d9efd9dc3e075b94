using Palisade.Core.Config;
using Palisade.Core.Model;

namespace Palisade.Core.Rules;

/// <summary>
/// Reads rule files: a mapping with <c>scanner</c>, optional file-wide <c>category</c> and <c>tags</c>,
/// and <c>rules</c>, a list of rule mappings. Unknown keys and bad values are errors with file and line.
/// </summary>
public static class RuleFileReader
{
    internal static readonly IReadOnlyDictionary<string, Severity> Severities = new Dictionary<string, Severity>
    {
        ["info"] = Severity.Info, ["low"] = Severity.Low, ["medium"] = Severity.Medium,
        ["high"] = Severity.High, ["critical"] = Severity.Critical,
    };

    internal static readonly IReadOnlyDictionary<string, Decision> Actions = new Dictionary<string, Decision>
    {
        ["allow"] = Decision.Allow, ["audit"] = Decision.Audit, ["redact"] = Decision.Redact,
        ["review"] = Decision.Review, ["block"] = Decision.Block,
    };

    public static IReadOnlyList<RuleDefinition> Read(string yaml, string source) => Read(new YamlRuleNode(YamlNode.Parse(yaml, source)));

    /// <summary>Reads one rule file's root mapping, from YAML or from the packed catalog.</summary>
    public static IReadOnlyList<RuleDefinition> Read(RuleNode root)
    {
        var scanner = root.Require("scanner").AsString();
        var category = root.Get("category")?.AsString();
        var fileTags = root.Get("tags")?.AsStringList() ?? [];
        var exampleKind = root.Get("example_kind")?.AsString() ?? "text";
        var rules = root.Require("rules").Items().Select(r => ReadRule(r, scanner, category, fileTags, exampleKind)).ToList();
        root.RejectUnknownKeys();
        return rules;
    }

    /// <summary>The rule's <c>keywords</c>, brace groups expanded (<see cref="KeywordExpansion"/>).</summary>
    private static IReadOnlyList<string> ExpandKeywords(RuleNode r)
    {
        var keywords = r.Get("keywords");
        if (keywords is null) return [];
        try
        {
            return keywords.AsStringList().SelectMany(KeywordExpansion.Expand).Distinct(StringComparer.Ordinal).ToArray();
        }
        catch (FormatException e)
        {
            throw keywords.Error(e.Message);
        }
    }

    /// <summary>Reads one rule mapping. <paramref name="scanner"/> and <paramref name="category"/> are file defaults; a rule may name its own.</summary>
    public static RuleDefinition ReadRule(YamlNode r, string? scanner, string? category, IReadOnlyList<string> fileTags, string exampleKind = "text") =>
        ReadRule(new YamlRuleNode(r), scanner, category, fileTags, exampleKind);

    private static RuleDefinition ReadRule(RuleNode r, string? scanner, string? category, IReadOnlyList<string> fileTags, string exampleKind)
    {
        var id = r.Require("id").AsString();
        if (!RuleIds.IsValid(id)) throw r.Error($"rule id '{id}' must be lower-case letters, digits and dashes.");
        var examples = r.Get("examples");
        var rule = new RuleDefinition
        {
            Id = id,
            Scanner = r.Get("scanner")?.AsString() ?? scanner ?? throw r.Error("missing 'scanner'."),
            Category = r.Get("category")?.AsString() ?? category ?? throw r.Error("missing 'category'."),
            Description = r.Get("description")?.AsString() ?? "",
            Severity = r.Get("severity")?.AsEnum(Severities) ?? Severity.High,
            Core = r.Get("core")?.AsBool() ?? false,
            EnabledByDefault = r.Get("enabled")?.AsBool() ?? true,
            DefaultAction = r.Get("action")?.AsEnum(Actions),
            Keywords = ExpandKeywords(r),
            Pattern = r.Require("pattern").AsString(),
            MinDigits = r.Get("min_digits")?.AsInt() ?? 0,
            MinSeedWords = r.Get("min_seed_words")?.AsInt() ?? 0,
            Window = r.Get("window")?.AsInt(),
            Group = r.Get("group")?.AsString(),
            IgnoreCase = r.Get("ignore_case")?.AsBool() ?? false,
            View = r.Get("view")?.AsString() ?? "folded",
            Validator = r.Get("validator")?.AsString(),
            MinEntropy = r.Get("entropy")?.AsDouble(),
            BoundaryEntropy = r.Get("boundary_entropy")?.AsDouble(),
            Allow = r.Get("allow")?.AsStringList() ?? [],
            TestValues = r.Get("test_values")?.AsStringList() ?? [],
            Weight = r.Get("weight")?.AsDouble() ?? 0,
            Tags = [.. fileTags, .. r.Get("tags")?.AsStringList() ?? []],
            Operations = r.Get("operations")?.Items().Select(o => o.AsEnum(Analyzers.Paths.FileAccessInput.Operations)).Distinct().ToArray() ?? [],
            ExampleKind = r.Get("example_kind")?.AsString() ?? exampleKind,
            MatchExamples = examples?.Get("match")?.AsStringList() ?? [],
            NoMatchExamples = examples?.Get("no_match")?.AsStringList() ?? [],
            Origin = $"{r.Source}:{r.Line}",
        };
        examples?.RejectUnknownKeys();
        r.RejectUnknownKeys();
        if (!Engine.ScanKind.IsKnown(rule.ExampleKind)) throw r.Error($"'example_kind' must be one of: {string.Join(", ", Engine.ScanKind.Names)}.");
        if (rule.View is not ("folded" or "normalized" or "raw")) throw r.Error("'view' must be one of: folded, normalized, raw.");
        if (rule.Window is < MatchWindows.MinReach) throw r.Error($"'window' must be at least {MatchWindows.MinReach} characters.");
        if (rule.Weight is < 0 or > 1) throw r.Error("'weight' must be between 0 and 1.");
        if (rule.BoundaryEntropy is { } boundary && !(rule.MinEntropy is { } floor && boundary < floor))
            throw r.Error("'boundary_entropy' must be below the rule's 'entropy': it lowers the floor at the network boundary.");
        if (rule.Validator is not null && !Validators.Exists(rule.Validator))
            throw r.Error($"unknown validator '{rule.Validator}'; known: {string.Join(", ", Validators.Names)}.");
        return rule;
    }
}
