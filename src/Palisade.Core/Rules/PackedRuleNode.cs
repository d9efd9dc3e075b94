using System.Text.Json;
using Palisade.Core.Config;

namespace Palisade.Core.Rules;

/// <summary>
/// A <see cref="RuleNode"/> over the packed catalog (build/RuleCatalogPacker): a mapping is a JSON object whose
/// <c>"@"</c> member is the line it starts on, a list an array, a scalar a string. A scalar or a list reports the line of
/// the mapping it is in: the packed catalog is made from YAML that the tests read too, where errors name exact lines.
/// </summary>
public sealed class PackedRuleNode : RuleNode
{
    /// <summary>The member that holds a mapping's line; never a rule file key.</summary>
    internal const string LineKey = "@";

    private readonly JsonElement _element;
    private readonly HashSet<string>? _consumed;
    private readonly string _path;

    public override string Source { get; }
    public override int Line { get; }

    private PackedRuleNode(JsonElement element, string source, string path, int parentLine)
    {
        _element = element;
        Source = source;
        _path = path;
        Line = parentLine;
        if (element.ValueKind == JsonValueKind.Object)
        {
            _consumed = new HashSet<string>(StringComparer.Ordinal) { LineKey };
            if (element.TryGetProperty(LineKey, out var line)) Line = line.GetInt32();
        }
    }

    /// <summary>The root of one packed file.</summary>
    public static PackedRuleNode Root(JsonElement element, string source) => new(element, source, "", 1);

    public override bool IsScalar => _element.ValueKind == JsonValueKind.String;

    public override ConfigException Error(string message) => new($"{Source}:{Line}: {(_path.Length == 0 ? "" : $"'{_path}': ")}{message}");

    private string ChildPath(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

    private JsonElement Mapping => _element.ValueKind == JsonValueKind.Object ? _element : throw Error("expected a mapping of keys to values.");

    public override RuleNode? Get(string key)
    {
        var map = Mapping;
        _consumed!.Add(key);
        return map.TryGetProperty(key, out var child) ? new PackedRuleNode(child, Source, ChildPath(key), Line) : null;
    }

    public override IEnumerable<RuleNode> Items()
    {
        if (_element.ValueKind != JsonValueKind.Array) throw Error("expected a list.");
        var i = 0;
        foreach (var item in _element.EnumerateArray()) yield return new PackedRuleNode(item, Source, $"{_path}[{i++}]", Line);
    }

    public override void RejectUnknownKeys()
    {
        foreach (var p in Mapping.EnumerateObject())
            if (!_consumed!.Contains(p.Name))
                throw new ConfigException($"{Source}:{Line}: unknown key '{ChildPath(p.Name)}'. Check the spelling; see docs/configuration.md for the keys this section takes.");
    }

    public override string AsString() => _element.ValueKind == JsonValueKind.String ? _element.GetString()! : throw Error("expected a text value.");
}
