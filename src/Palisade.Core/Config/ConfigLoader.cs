using System.Text.RegularExpressions;
using Palisade.Core.Analyzers.Egress;
using Palisade.Core.Model;
using Palisade.Core.Policy;
using Palisade.Core.Rules;
using Palisade.Core.Text;

namespace Palisade.Core.Config;

/// <summary>
/// Reads <c>config.yaml</c> into a validated <see cref="PalisadeConfig"/>. Every unknown key, wrong type,
/// bad regex, unknown rule id or attempt to weaken a core rule is an error naming the file, line and key.
/// </summary>
public static class ConfigLoader
{
    public static PalisadeConfig LoadFile(string path)
    {
        if (Directory.Exists(path))
            throw new ConfigException($"{path}: is a directory; pass the configuration file (config.yaml) itself.");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read the configuration file: {e.Message}");
        }
        return Parse(text, path);
    }

    public static PalisadeConfig Parse(string yaml, string source)
    {
        var root = YamlNode.Parse(yaml, source);
        var config = new PalisadeConfig { Source = source };

        if (root.Get("mode") is { } mode) config = config with { Mode = mode.AsEnum(PolicyModes.ByName) };

        var custom = root.Get("custom_rules")?.Items().Select(ReadCustomRule).ToList() ?? [];
        foreach (var rule in custom) CompiledRule.Compile(rule, 0);
        var clash = custom.FirstOrDefault(r => RuleCatalog.Builtin.Any(b => b.Id == r.Id));
        if (clash is not null) throw new ConfigException($"{clash.Origin}: custom rule id '{clash.Id}' is already a built-in rule; choose another id.");
        var twice = custom.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ConfigException($"{twice.Last().Origin}: custom rule id '{twice.Key}' is used twice.");
        var known = RuleCatalog.Builtin.Concat(custom).ToDictionary(r => r.Id, StringComparer.Ordinal);
        config = config with { CustomRules = custom };

        if (root.Get("actions") is { } actions)
        {
            var map = new Dictionary<string, Decision>(PalisadeConfig.DefaultCategoryActions);
            foreach (var (category, value) in actions.Entries())
            {
                CheckCategory(category, value, known.Values);
                map[category] = value.AsEnum(RuleFileReader.Actions);
            }
            config = config with { CategoryActions = map };
        }

        if (root.Get("rules") is { } rules)
            config = config with { Rules = rules.Entries().ToDictionary(e => e.Key, e => ReadRuleSetting(e.Key, e.Value, known)) };

        if (root.Get("injection") is { } inj)
        {
            var d = InjectionThresholds.Default;
            var t = new InjectionThresholds(
                inj.Get("audit_at")?.AsDouble() ?? d.Audit,
                inj.Get("review_at")?.AsDouble() ?? d.Review,
                inj.Get("block_at")?.AsDouble() ?? d.Block);
            inj.RejectUnknownKeys();
            if (!(t.Audit > 0 && t.Audit <= t.Review && t.Review <= t.Block && t.Block <= 1))
                throw inj.Error("thresholds must satisfy 0 < audit_at <= review_at <= block_at <= 1.");
            config = config with { Injection = t };
        }

        if (root.Get("allow") is { } allow)
        {
            config = config with { AllowValues = new HashSet<string>(allow.Get("values")?.AsStringList() ?? [], StringComparer.Ordinal) };
            allow.RejectUnknownKeys();
        }

        if (root.Get("limits") is { } limits)
        {
            var maxField = limits.Get("max_field_chars")?.AsInt() ?? config.MaxFieldChars;
            if (maxField < 1024) throw limits.Error("'max_field_chars' must be at least 1024.");
            var depth = limits.Get("decode_depth")?.AsInt() ?? config.Decode.MaxDepth;
            if (depth is < 0 or > 8) throw limits.Error("'decode_depth' must be between 0 and 8.");
            limits.RejectUnknownKeys();
            config = config with { MaxFieldChars = maxField, Decode = config.Decode with { MaxDepth = depth } };
        }

        if (root.Get("egress") is { } egress) config = config with { Egress = EgressConfigYaml.Read(egress) };
        if (root.Get("paranoid") is { } paranoid) config = config with { Paranoid = ParanoidConfigYaml.Read(paranoid) };
        if (root.Get("mcp") is { } mcp) config = config with { Mcp = Palisade.Core.Mcp.McpConfigYaml.Read(mcp) };

        if (root.Get("gateway") is { } gateway) config = config with { Gateway = GatewayConfigYaml.Read(gateway) };

        if (root.Get("proxy") is { } proxy) config = config with { Proxy = ProxyConfigYaml.Read(proxy) };

        if (root.Get("audit") is { } audit)
        {
            config = config with { AuditDirectory = audit.Get("dir")?.AsString() };
            audit.RejectUnknownKeys();
        }

        root.RejectUnknownKeys();
        return config;
    }

    /// <summary>
    /// A custom rule, its regexes checked here so that an error names the line and key of the bad one
    /// (<c>custom_rules[2].pattern</c>), not just the rule.
    /// </summary>
    private static RuleDefinition ReadCustomRule(YamlNode node)
    {
        var rule = RuleFileReader.ReadRule(node, scanner: null, category: null, fileTags: []);
        // A rule no scanner runs would be accepted and never fire.
        var scanners = RuleCatalog.Builtin.Select(r => r.Scanner).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (!scanners.Contains(rule.Scanner))
            throw node.Require("scanner").Error($"unknown scanner '{rule.Scanner}'; one of: {string.Join(", ", scanners)}.");
        CheckRegex(node.Require("pattern"), rule.IgnoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        if (node.Get("allow") is { } allow)
            foreach (var item in allow.IsScalar ? new[] { allow } : allow.Items()) CheckRegex(item, RegexOptions.None);
        return rule;
    }

    private static void CheckRegex(YamlNode node, RegexOptions options)
    {
        try
        {
            _ = new Regex(node.AsString(), options | RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            throw node.Error($"bad regex: {e.Message}");
        }
    }

    /// <summary>
    /// Categories of findings raised by code rather than by a rule: the engine's own (a scanner that failed, an
    /// oversized field) and the MCP proxy's (Palisade.Mcp's <c>McpFindings.Category</c>: policy, pins, chains).
    /// </summary>
    public static IReadOnlyList<string> FindingsWithoutRules { get; } = ["engine", "mcp"];

    /// <summary>
    /// An <c>actions:</c> key must be a category some rule has (or <c>injection</c>, or one of <see cref="FindingsWithoutRules"/>): a misspelt one would
    /// otherwise be ignored. Injection rules' own categories are scored together, so an action there would do nothing.
    /// </summary>
    private static void CheckCategory(string category, YamlNode value, IEnumerable<RuleDefinition> rules)
    {
        ISet<string> decided = new SortedSet<string>(FindingsWithoutRules.Append("injection"), StringComparer.Ordinal);
        ISet<string> scored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules) (rule.Scanner == Scanners.InjectionScanner.ScannerName ? scored : decided).Add(rule.Category);
        if (decided.Contains(category)) return;
        throw value.Error(scored.Contains(category)
            ? $"'{category}' is an injection category, and injection findings are scored together: set 'actions.injection', the 'injection:' thresholds, or an action for one rule under 'rules:'."
            : $"unknown category '{category}'. Categories: {string.Join(", ", decided)}.");
    }

    /// <summary><c>rule-id: block</c>, <c>rule-id: off</c>, or <c>rule-id: {enabled: true, action: review}</c>.</summary>
    private static RuleSetting ReadRuleSetting(string id, YamlNode value, IReadOnlyDictionary<string, RuleDefinition> known)
    {
        if (!known.TryGetValue(id, out var rule))
            throw value.Error($"unknown rule '{id}'. 'palisade config show --rules' lists the rule ids.");
        RuleSetting setting;
        if (value.IsScalar)
        {
            var s = value.AsString().Trim().ToLowerInvariant();
            setting = s is "off" or "false" or "disabled" ? new RuleSetting(false, null)
                : s is "on" or "true" or "enabled" ? new RuleSetting(true, null)
                : new RuleSetting(true, value.AsEnum(RuleFileReader.Actions));
        }
        else
        {
            setting = new RuleSetting(value.Get("enabled")?.AsBool(), value.Get("action")?.AsEnum(RuleFileReader.Actions));
            value.RejectUnknownKeys();
        }
        if (rule.Core && setting.Enabled == false)
            throw value.Error($"rule '{id}' is a core rule and cannot be switched off. Use 'mode: monitor' to observe without blocking.");
        var floor = rule.DefaultAction ?? PalisadeConfig.DefaultCategoryActions.GetValueOrDefault(rule.Category, Decision.Block);
        if (rule.Core && setting.Action is { } a && a < floor)
            throw value.Error($"rule '{id}' is a core rule; its action can be raised but not set below '{floor.ToWire()}'.");
        return setting;
    }
}
