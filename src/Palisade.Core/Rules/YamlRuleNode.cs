using Palisade.Core.Config;

namespace Palisade.Core.Rules;

/// <summary>A <see cref="RuleNode"/> over parsed YAML: every call goes to <see cref="YamlNode"/>, messages included.</summary>
public sealed class YamlRuleNode(YamlNode node) : RuleNode
{
    public override string Source => node.Source;
    public override int Line => node.Line;
    public override bool IsScalar => node.IsScalar;
    public override ConfigException Error(string message) => node.Error(message);
    public override RuleNode? Get(string key) => node.Get(key) is { } child ? new YamlRuleNode(child) : null;
    public override IEnumerable<RuleNode> Items() => node.Items().Select(i => new YamlRuleNode(i));
    public override void RejectUnknownKeys() => node.RejectUnknownKeys();
    public override string AsString() => node.AsString();
}
