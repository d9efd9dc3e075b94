using Palisade.Core.Config;

namespace Palisade.Core.Rules;

/// <summary>
/// One node of a rule file as <see cref="RuleFileReader"/> reads it: over YAML (<see cref="YamlRuleNode"/>, config's
/// custom rules and the tests) or over the packed catalog built from the same YAML at build time
/// (<see cref="PackedRuleNode"/>, the built-in rules at run time). Same strictness either way: unknown keys and bad
/// values are errors that name the file and line.
/// </summary>
public abstract class RuleNode
{
    public abstract string Source { get; }
    public abstract int Line { get; }
    public abstract bool IsScalar { get; }
    public abstract ConfigException Error(string message);

    /// <summary>The child under <paramref name="key"/>, or null. Marks the key as known.</summary>
    public abstract RuleNode? Get(string key);
    public abstract IEnumerable<RuleNode> Items();

    /// <summary>Fails on the first key of this mapping that no reader asked for.</summary>
    public abstract void RejectUnknownKeys();
    public abstract string AsString();

    public RuleNode Require(string key) => Get(key) ?? throw Error($"missing required key '{key}'.");

    public bool AsBool() => ScalarText.ToBool(AsString(), Error);

    public double AsDouble() => ScalarText.ToDouble(AsString(), Error);

    public int AsInt() => ScalarText.ToInt(AsString(), Error);

    /// <summary>A list of strings; a single scalar is accepted as a one-item list.</summary>
    public IReadOnlyList<string> AsStringList() => IsScalar ? [AsString()] : Items().Select(i => i.AsString()).ToArray();

    public T AsEnum<T>(IReadOnlyDictionary<string, T> names) => ScalarText.ToEnum(AsString(), names, Error);
}
