using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Palisade.Core.Config;

/// <summary>
/// A strict reader over one YAML node: every key must be known, every value of the right type,
/// and each error names the source, line and key path. Used for config and rule files alike.
/// </summary>
public sealed class YamlNode
{
    private readonly YamlDotNet.RepresentationModel.YamlNode _node;
    private readonly HashSet<string>? _consumed;

    public string Source { get; }
    public string Path { get; }

    private YamlNode(YamlDotNet.RepresentationModel.YamlNode node, string source, string path)
    {
        _node = node;
        Source = source;
        Path = path;
        if (node is YamlMappingNode) _consumed = new HashSet<string>(StringComparer.Ordinal);
    }

    public int Line => (int)_node.Start.Line;

    /// <summary>Parses a YAML document. An empty document is an empty mapping.</summary>
    public static YamlNode Parse(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigException($"{source}:{e.Start.Line}: YAML syntax error: {e.InnerException?.Message ?? e.Message}");
        }
        if (stream.Documents.Count == 0) return new YamlNode(new YamlMappingNode(), source, "");
        if (stream.Documents.Count > 1) throw new ConfigException($"{source}: expected one YAML document, found {stream.Documents.Count}.");
        return new YamlNode(stream.Documents[0].RootNode, source, "");
    }

    public ConfigException Error(string message) => new($"{Source}:{Line}: {(Path.Length == 0 ? "" : $"'{Path}': ")}{message}");

    private string ChildPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private YamlMappingNode Mapping => _node as YamlMappingNode ?? throw Error("expected a mapping of keys to values.");

    public bool IsMapping => _node is YamlMappingNode;
    public bool IsSequence => _node is YamlSequenceNode;
    public bool IsScalar => _node is YamlScalarNode;

    /// <summary>The child under <paramref name="key"/>, or null. Marks the key as known.</summary>
    public YamlNode? Get(string key)
    {
        var map = Mapping;
        _consumed!.Add(key);
        return map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? new YamlNode(child, Source, ChildPath(key)) : null;
    }

    public YamlNode Require(string key) => Get(key) ?? throw Error($"missing required key '{key}'.");

    /// <summary>All entries of a mapping, in document order. Marks every key as known.</summary>
    public IEnumerable<(string Key, YamlNode Value)> Entries()
    {
        foreach (var (k, v) in Mapping.Children)
        {
            var key = ((YamlScalarNode)k).Value ?? "";
            _consumed!.Add(key);
            yield return (key, new YamlNode(v, Source, ChildPath(key)));
        }
    }

    public IEnumerable<YamlNode> Items()
    {
        if (_node is not YamlSequenceNode seq) throw Error("expected a list.");
        var i = 0;
        foreach (var item in seq.Children) yield return new YamlNode(item, Source, $"{Path}[{i++}]");
    }

    /// <summary>Fails on the first key of this mapping that no reader asked for: unknown keys are errors, never ignored.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (k, v) in Mapping.Children)
        {
            var key = ((YamlScalarNode)k).Value ?? "";
            if (!_consumed!.Contains(key))
                throw new ConfigException($"{Source}:{k.Start.Line}: unknown key '{ChildPath(key)}'. Check the spelling; see docs/configuration.md for the keys this section takes.");
        }
    }

    public string AsString()
    {
        if (_node is not YamlScalarNode s) throw Error("expected a text value.");
        return s.Value ?? "";
    }

    public bool AsBool() => ScalarText.ToBool(AsString(), Error);

    public double AsDouble() => ScalarText.ToDouble(AsString(), Error);

    public int AsInt() => ScalarText.ToInt(AsString(), Error);

    /// <summary>A list of strings; a single scalar is accepted as a one-item list.</summary>
    public IReadOnlyList<string> AsStringList() => IsScalar ? [AsString()] : Items().Select(i => i.AsString()).ToArray();

    public T AsEnum<T>(IReadOnlyDictionary<string, T> names) => ScalarText.ToEnum(AsString(), names, Error);
}
