namespace Palisade.Cli.Eval;

/// <summary>One labelled input from a corpus. <see cref="Attack"/> is the label: true for what should be stopped.</summary>
/// <param name="Subsets">The tables this item counts in (e.g. a category, an entity type, an upstream rule).</param>
public sealed record EvalItem(string Id, IReadOnlyList<string> Subsets, bool Attack, string Kind, string Text);
