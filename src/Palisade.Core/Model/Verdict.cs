namespace Palisade.Core.Model;

/// <summary>The engine's answer for one action.</summary>
public sealed record Verdict
{
    public required Decision Decision { get; init; }

    /// <summary>What enforce mode would have decided; differs from <see cref="Decision"/> in monitor and interactive modes.</summary>
    public required Decision WouldDecide { get; init; }
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>The rule that set the decision, or null when nothing was found.</summary>
    public string? DecidingRule { get; init; }

    /// <summary>A sentence a person can read. Never contains caught content.</summary>
    public required string Reason { get; init; }

    /// <summary>The injection score (0..1) of the most suspicious field, when the injection scanner ran.</summary>
    public double InjectionScore { get; init; }

    public static Verdict Allow { get; } = new() { Decision = Decision.Allow, WouldDecide = Decision.Allow, Reason = "no findings" };
}
