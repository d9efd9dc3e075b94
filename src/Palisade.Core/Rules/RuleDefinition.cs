using Palisade.Core.Model;

namespace Palisade.Core.Rules;

/// <summary>
/// One detection rule, as written in a YAML file under <c>rules/</c> (or in config as a custom rule).
/// Immutable; compiled into a <see cref="CompiledRule"/> once per policy load.
/// </summary>
public sealed record RuleDefinition
{
    /// <summary>Permanent once released: audit records, block bodies and user config refer to it.</summary>
    public required string Id { get; init; }
    public required string Scanner { get; init; }
    public required string Category { get; init; }
    public string Description { get; init; } = "";
    public Severity Severity { get; init; } = Severity.High;

    /// <summary>Core rules are always on: configuration can raise their action, never disable or lower it.</summary>
    public bool Core { get; init; }

    /// <summary>Off-by-default rules run only when configuration names them.</summary>
    public bool EnabledByDefault { get; init; } = true;

    /// <summary>The action the rule asks for when configuration says nothing about it or its category.</summary>
    public Decision? DefaultAction { get; init; }

    /// <summary>Case-insensitive literals, one of which must occur in the text for the regex to run. Empty: the rule always runs.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public required string Pattern { get; init; }

    /// <summary>The rule runs only if the text holds a run of at least this many digits (single separators allowed). 0: no such condition.</summary>
    public int MinDigits { get; init; }

    /// <summary>
    /// The rule runs only if the text holds at least this many consecutive BIP-39 list words separated by whitespace
    /// (one hash lookup per word), then over the whole text. 0: no such condition. Lets a seed-phrase rule run without
    /// context words while ordinary prose never wakes it.
    /// </summary>
    public int MinSeedWords { get; init; }

    /// <summary>
    /// How far (in characters, and in words at one per eight characters) a match may reach from one of its keywords
    /// (or from its digit run) on either side; the regex runs only over those windows. Null: the scanner's default,
    /// which suits tokens and short phrases. Long matches (PEM blocks, JSON key files, long phrase gaps) set their own.
    /// </summary>
    public int? Window { get; init; }

    /// <summary>The named group holding the sensitive value (default: <c>secret</c> if present, else the whole match).</summary>
    public string? Group { get; init; }
    public bool IgnoreCase { get; init; }

    /// <summary>
    /// For phrase rules (injection): which view the pattern reads — <c>folded</c> (default), <c>normalized</c>
    /// (line breaks and case kept), or <c>raw</c> (the text as sent, invisible characters included).
    /// </summary>
    public string View { get; init; } = "folded";
    public string? Validator { get; init; }

    /// <summary>Minimum Shannon entropy (bits per char) of the captured value, or null for no floor.</summary>
    public double? MinEntropy { get; init; }

    /// <summary>
    /// The floor for content that crosses the network boundary (decision 012), when lower than <see cref="MinEntropy"/>:
    /// for a shape distinctive enough that its floor only keeps typed samples out (<c>SG.&lt;22&gt;.&lt;43&gt;</c>), and typed
    /// samples sent to an arbitrary host are reported. Null: the same floor everywhere.
    /// </summary>
    public double? BoundaryEntropy { get; init; }

    /// <summary>Regexes over the captured value that mark it as a known placeholder or test value.</summary>
    public IReadOnlyList<string> Allow { get; init; } = [];

    /// <summary>Published test values (documentation card numbers, example keys): compared with separators removed; never findings.</summary>
    public IReadOnlyList<string> TestValues { get; init; } = [];

    /// <summary>Contribution to the scanner's score (injection scanner); 0 for scanners that do not score.</summary>
    public double Weight { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>For <c>path</c> rules: the file operations the rule applies to. Empty: all of them.</summary>
    public IReadOnlyList<FileOperation> Operations { get; init; } = [];
    /// <summary>What the examples are, as a <c>palisade scan --kind</c>: <c>text</c> for content rules, <c>command</c>, <c>url</c>, <c>path</c>, <c>tool</c> for analyzer rules.</summary>
    public string ExampleKind { get; init; } = "text";
    public IReadOnlyList<string> MatchExamples { get; init; } = [];
    public IReadOnlyList<string> NoMatchExamples { get; init; } = [];

    /// <summary>Where the rule was defined, for error messages.</summary>
    public string Origin { get; init; } = "";

    /// <summary>A finding of this rule (its id, category, severity, description and tags) at <paramref name="location"/>.</summary>
    /// <param name="evidence">What was caught, already redacted.</param>
    public Finding FindingAt(string scanner, FindingLocation location, string evidence, IReadOnlyList<string>? tags = null) => new()
    {
        RuleId = Id,
        Scanner = scanner,
        Category = Category,
        Severity = Severity,
        Location = location,
        Evidence = evidence,
        Description = Description,
        Tags = tags ?? Tags,
    };
}
