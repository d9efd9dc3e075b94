using System.Text.RegularExpressions;
using Palisade.Core.Config;

namespace Palisade.Core.Rules;

/// <summary>
/// A rule ready to run. It starts on the backtracking interpreter with a match timeout (built in microseconds, so a
/// one-shot process such as a hook starts fast) and can be upgraded in place to the linear-time
/// <see cref="RegexOptions.NonBacktracking"/> engine, which long-running hosts do in the background.
/// Either way no regex runs unbounded: see docs/decisions/004-regex-engines.md.
/// Built-in rules build their regexes on first use (most never run in a one-shot process: their keywords never occur);
/// rules from config build them at once, so a bad pattern is a config error at load. See docs/decisions/013-engine-cold-start.md.
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
    private string? _groupName;
    private Regex? _regex;
    private IReadOnlyList<Regex>? _allowPatterns;

    public RuleDefinition Definition { get; }
    public int Index { get; }
    /// <summary>The <see cref="RuleDefinition.Allow"/> regexes, built on first use.</summary>
    public IReadOnlyList<Regex> AllowPatterns => Volatile.Read(ref _allowPatterns) ?? BuildAllowPatterns();
    public ISecretValidator? Validator { get; }

    /// <summary><see cref="RuleDefinition.TestValues"/> with separators removed.</summary>
    public IReadOnlySet<string> TestValues { get; }

    public string Id => Definition.Id;

    /// <summary>The regex in use now, built on first use; swapped atomically by <see cref="UpgradeToLinearTime"/>.</summary>
    public Regex Regex => Volatile.Read(ref _regex) ?? BuildRegex();

    public bool IsLinearTime => (Regex.Options & RegexOptions.NonBacktracking) != 0;

    private CompiledRule(RuleDefinition def, int index, bool lazy)
    {
        Definition = def;
        Index = index;
        _options = RegexOptions.CultureInvariant | (def.IgnoreCase ? RegexOptions.IgnoreCase : 0);
        Validator = def.Validator is null ? null : Validators.Get(def.Validator);
        TestValues = def.TestValues.Count == 0 ? EmptyTestValues : def.TestValues.Select(StripSeparators).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (lazy) return;
        BuildRegex();
        BuildAllowPatterns();
    }

    private static readonly IReadOnlySet<string> EmptyTestValues = new HashSet<string>();

    /// <summary>Compiles a rule; with <paramref name="lazy"/>, its regexes are built on first use (for rules already known to compile).</summary>
    public static CompiledRule Compile(RuleDefinition def, int index, bool lazy = false) => new(def, index, lazy);

    /// <summary>Builds the pattern on the backtracking interpreter; a racing thread may build it too, and one of the two wins.</summary>
    private Regex BuildRegex()
    {
        var def = Definition;
        var regex = Build(def.Pattern, _options, def.Origin, "pattern");
        var groupName = def.Group ?? (regex.GroupNumberFromName("secret") >= 0 ? "secret" : null);
        if (groupName is not null && regex.GroupNumberFromName(groupName) < 0)
            throw new ConfigException($"{def.Origin}: rule '{def.Id}': the pattern has no group named '{groupName}'.");
        Volatile.Write(ref _groupName, groupName);
        return Interlocked.CompareExchange(ref _regex, regex, null) ?? regex;
    }

    private IReadOnlyList<Regex> BuildAllowPatterns()
    {
        var def = Definition;
        IReadOnlyList<Regex> built = def.Allow.Count == 0 ? [] : def.Allow.Select(a => Build(a, RegexOptions.CultureInvariant, def.Origin, "allow")).ToArray();
        return Interlocked.CompareExchange(ref _allowPatterns, built, null) ?? built;
    }

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
            _ = Regex; // the group name comes from the first build
            Volatile.Write(ref _regex, new Regex(Definition.Pattern, _options | RegexOptions.NonBacktracking));
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    private int _uses;
    private int _hotAfter;

    /// <summary>
    /// After this many runs the rule is rebuilt on the linear-time engine in the background (0: never): long-running
    /// hosts pay that engine's memory only for the rules their traffic keeps waking (docs/decisions/011-lazy-linear-time.md).
    /// </summary>
    internal void UpgradeWhenHot(int runs) => Volatile.Write(ref _hotAfter, runs);

    /// <summary>The regex to run over a text of this length: see <see cref="BacktrackingMaxInput"/>.</summary>
    public Regex RegexFor(int length)
    {
        if (length > BacktrackingMaxInput && !IsLinearTime) UpgradeToLinearTime();
        else if (_hotAfter > 0 && _uses < _hotAfter && Interlocked.Increment(ref _uses) == _hotAfter && !IsLinearTime)
            ThreadPool.UnsafeQueueUserWorkItem(static rule => rule.UpgradeToLinearTime(), this, preferLocal: false);
        return Regex;
    }

    /// <summary>Letters and digits only: <c>4242 4242-4242 4242</c> and <c>4242424242424242</c> compare equal.</summary>
    public static string StripSeparators(string value) => string.Concat(value.Where(char.IsLetterOrDigit));

    /// <summary>True when the value a match reports is the whole match (no value group); known once the regex is built.</summary>
    internal bool ValueIsWholeMatch => Volatile.Read(ref _regex) is not null && Volatile.Read(ref _groupName) is null;

    /// <summary>The span of the sensitive value inside a match.</summary>
    public Group ValueGroup(Match m) => Volatile.Read(ref _groupName) is { } name ? m.Groups[name] : m.Groups[0];
}
