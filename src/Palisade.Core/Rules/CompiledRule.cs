using System.Text.RegularExpressions;
using Palisade.Core.Config;

namespace Palisade.Core.Rules;

/// <summary>
/// A rule ready to run: its regex built once per policy load, linear-time (<see cref="RegexOptions.NonBacktracking"/>)
/// wherever the pattern allows, otherwise backtracking with a match timeout.
/// </summary>
public sealed class CompiledRule
{
    /// <summary>Upper bound on one backtracking match; past it the scan fails closed.</summary>
    public static readonly TimeSpan BacktrackingTimeout = TimeSpan.FromMilliseconds(100);

    public RuleDefinition Definition { get; }
    public int Index { get; }
    public Regex Regex { get; }
    public bool IsLinearTime { get; }
    public IReadOnlyList<Regex> AllowPatterns { get; }
    public ISecretValidator? Validator { get; }

    /// <summary><see cref="RuleDefinition.TestValues"/> with separators removed.</summary>
    public IReadOnlySet<string> TestValues { get; }
    private readonly int _groupNumber;

    public string Id => Definition.Id;

    private CompiledRule(RuleDefinition def, int index)
    {
        Definition = def;
        Index = index;
        var options = RegexOptions.CultureInvariant | (def.IgnoreCase ? RegexOptions.IgnoreCase : 0);
        (Regex, IsLinearTime) = Build(def.Pattern, options, def.Origin, "pattern");
        AllowPatterns = def.Allow.Select(a => Build(a, RegexOptions.CultureInvariant, def.Origin, "allow").Regex).ToArray();
        Validator = def.Validator is null ? null : Validators.Get(def.Validator);
        TestValues = def.TestValues.Select(StripSeparators).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var name = def.Group ?? (Regex.GroupNumberFromName("secret") >= 0 ? "secret" : null);
        _groupNumber = name is null ? 0 : Regex.GroupNumberFromName(name);
        if (_groupNumber < 0) throw new ConfigException($"{def.Origin}: rule '{def.Id}': the pattern has no group named '{name}'.");
    }

    public static CompiledRule Compile(RuleDefinition def, int index) => new(def, index);

    private static (Regex Regex, bool Linear) Build(string pattern, RegexOptions options, string origin, string what)
    {
        try
        {
            return (new Regex(pattern, options | RegexOptions.NonBacktracking), true);
        }
        catch (NotSupportedException)
        {
            // Lookarounds and backreferences need the backtracking engine: bound it with a timeout instead.
        }
        catch (ArgumentException e)
        {
            throw new ConfigException($"{origin}: bad regex in '{what}': {e.Message}");
        }
        try
        {
            return (new Regex(pattern, options, BacktrackingTimeout), false);
        }
        catch (ArgumentException e)
        {
            throw new ConfigException($"{origin}: bad regex in '{what}': {e.Message}");
        }
    }

    /// <summary>Letters and digits only: <c>4242 4242-4242 4242</c> and <c>4242424242424242</c> compare equal.</summary>
    public static string StripSeparators(string value) => string.Concat(value.Where(char.IsLetterOrDigit));

    /// <summary>The span of the sensitive value inside a match.</summary>
    public Group ValueGroup(Match m) => m.Groups[_groupNumber];
}
