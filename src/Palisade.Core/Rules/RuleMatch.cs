namespace Palisade.Core.Rules;

/// <summary>A rule's regex matched, and the value passed the rule's checks. Start and length are within the view's text.</summary>
public readonly record struct RuleMatch(CompiledRule Rule, int Start, int Length, string Value);
