using Palisade.Core.Model;

namespace Palisade.Cli.Eval;

/// <summary>
/// A corpus (or part of one) and how to judge it: which items it holds, and when a verdict counts as
/// flagging an item for a given subset.
/// </summary>
/// <param name="Area">What is measured: <c>secrets</c>, <c>pii</c>, <c>injection</c>…</param>
/// <param name="Files">Paths under the corpora directory that must exist; missing ones skip the suite with a message.</param>
public sealed record EvalSuite(
    string Name,
    string Area,
    IReadOnlyList<string> Files,
    Func<string, IEnumerable<EvalItem>> Load,
    Func<Verdict, EvalItem, string, bool> Flagged);
