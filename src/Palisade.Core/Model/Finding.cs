namespace Palisade.Core.Model;

/// <summary>Where in an action a finding sits: the field, the view it was seen in, and the span in the field's original text.</summary>
/// <param name="Field">Field path, e.g. <c>content</c> or <c>arguments.command</c>.</param>
/// <param name="View">The text view the rule matched: <c>raw</c>, <c>normalized</c>, or a decoding chain such as <c>base64</c> or <c>url+base64</c>.</param>
/// <param name="Start">Start of the span in the field's original text.</param>
/// <param name="Length">Length of that span (for a decoded view, the whole encoded segment).</param>
public readonly record struct FindingLocation(string Field, string View, int Start, int Length);

/// <summary>
/// One thing a scanner found. <see cref="Evidence"/> is always redacted (type, hash, masked preview):
/// a finding can be logged, audited and shown without leaking what it caught.
/// </summary>
public sealed record Finding
{
    public required string RuleId { get; init; }
    public required string Scanner { get; init; }
    public required string Category { get; init; }
    public required Severity Severity { get; init; }
    public double Confidence { get; init; } = 1.0;

    /// <summary>Contribution to a scanner's weighted score (injection); 0 where the scanner does not score.</summary>
    public double Weight { get; init; }
    public required FindingLocation Location { get; init; }
    public required string Evidence { get; init; }
    public string Description { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The action this finding asks for under the policy; set by the policy evaluator.</summary>
    public Decision Action { get; init; } = Decision.Audit;
}
