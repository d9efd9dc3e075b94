using System.Text.RegularExpressions;
using Palisade.Core.Config;

namespace Palisade.Core.Rules;

/// <summary>
/// A rule ready to run. It starts on the backtracking interpreter with a match timeout (built in microseconds, so a
/// one-shot process such as a hook starts fast) and can be upgraded in place to the linear-time
/// <see cref="RegexOptions.NonBacktracking"/> engine, which long-running hosts do in the background.
/// Either way no regex runs unbounded: see docs/decisions/004-regex-engines.md.
/// </summary>
public sealed class CompiledRule
{
    /// <summary>Upper bound on one backtracking match; past it the scan fails closed.</summary>
    public static readonly TimeSpan BacktrackingTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest text given to the backtracking engine. Phrase rules with bounded gaps cost up to a few microseconds per
    /// character there, so past this length the rule switches to the linear-time engine (built on first need).
    /// </summary>
    public const int BacktrackingMaxInput = 8 * 1024;

    private readonly RegexOptions _options;
    private readonly string? _groupName;
    private Regex _regex;

    public RuleDefinition Definition { get; }
    public int Index { get; }
    public IReadOnlyList<Regex> AllowPatterns { get; }
    public ISecretValidator? Validator { get; }

    /// <summary><see cref="RuleDefinition.TestValues"/> with separators removed.</summary>
    public IReadOnlySet<string> TestValues { get; }

    public string Id => Definition.Id;

    /// <summary>The regex in use now; swapped atomically by <see cref="UpgradeToLinearTime"/>.</summary>
    public Regex Regex => Volatile.Read(ref _regex);

    public bool IsLinearTime => (Regex.Options & RegexOptions.NonBacktracking) != 0;

    private CompiledRule(RuleDefinition def, int index)
    {
        Definition = def;
        Index = index;
        _options = RegexOptions.CultureInvariant | (def.IgnoreCase ? RegexOptions.IgnoreCase : 0);
        _regex = Build(def.Pattern, _options, def.Origin, "pattern");
        AllowPatterns = def.Allow.Select(a => Build(a, RegexOptions.CultureInvariant, def.Origin, "allow")).ToArray();
        Validator = def.Validator is null ? null : Validators.Get(def.Validator);
        TestValues = def.TestValues.Select(StripSeparators).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _groupName = def.Group ?? (_regex.GroupNumberFromName("secret") >= 0 ? "secret" : null);
        if (_groupName is not null && _regex.GroupNumberFromName(_groupName) < 0)
            throw new ConfigException($"{def.Origin}: rule '{def.Id}': the pattern has no group named '{_groupName}'.");
    }

    public static CompiledRule Compile(RuleDefinition def, int index) => new(def, index);

    private static Regex Build(string pattern, RegexOptions options, string origin, string what)
    {
        try
        {
            return new Regex(pattern, options, BacktrackingTimeout);
        }
        catch (ArgumentException e)
        {
            throw new ConfigException($"{origin}: bad regex in '{what}': {e.Message}");
        }
    }

    /// <summary>
    /// Swaps in the linear-time engine. Costly (milliseconds to hundreds of milliseconds per rule), so hosts call it
    /// off the request path. Returns false when the pattern needs constructs only backtracking has (it keeps its timeout).
    /// </summary>
    public bool UpgradeToLinearTime()
    {
        if (IsLinearTime) return true;
        try
        {
            Volatile.Write(ref _regex, new Regex(Definition.Pattern, _options | RegexOptions.NonBacktracking));
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>The regex to run over a text of this length: see <see cref="BacktrackingMaxInput"/>.</summary>
    public Regex RegexFor(int length)
    {
        if (length > BacktrackingMaxInput && !IsLinearTime) UpgradeToLinearTime();
        return Regex;
    }

    /// <summary>Letters and digits only: <c>4242 4242-4242 4242</c> and <c>4242424242424242</c> compare equal.</summary>
    public static string StripSeparators(string value) => string.Concat(value.Where(char.IsLetterOrDigit));

    /// <summary>The span of the sensitive value inside a match.</summary>
    public Group ValueGroup(Match m) => _groupName is null ? m.Groups[0] : m.Groups[_groupName];
}
