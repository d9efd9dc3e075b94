namespace Palisade.Core.Rules;

/// <summary>The compiled, enabled rules of one policy load, with their shared keyword prefilter.</summary>
public sealed class RuleSet
{
    public IReadOnlyList<CompiledRule> Rules { get; }
    public KeywordPrefilter Prefilter { get; }
    private readonly Dictionary<string, CompiledRule[]> _byScanner;

    public RuleSet(IEnumerable<RuleDefinition> definitions)
    {
        Rules = definitions.Select((d, i) => CompiledRule.Compile(d, i)).ToArray();
        Prefilter = new KeywordPrefilter(Rules);
        _byScanner = Rules.GroupBy(r => r.Definition.Scanner).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public IReadOnlyList<CompiledRule> ForScanner(string scanner) => _byScanner.GetValueOrDefault(scanner) ?? [];

    /// <summary>Upgrades every rule to the linear-time engine, one at a time, until done or cancelled. Returns how many upgraded.</summary>
    public int UpgradeToLinearTime(CancellationToken cancel = default)
    {
        var upgraded = 0;
        foreach (var rule in Rules)
        {
            if (cancel.IsCancellationRequested) break;
            if (rule.UpgradeToLinearTime()) upgraded++;
        }
        return upgraded;
    }
}
