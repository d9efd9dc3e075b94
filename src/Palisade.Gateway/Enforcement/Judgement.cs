using Palisade.Core.Model;

namespace Palisade.Gateway.Enforcement;

/// <summary>A verdict with the id of its audit record, which block answers quote so a person can find it.</summary>
public sealed record Judgement(Verdict Verdict, string EventId)
{
    public Decision Decision => Verdict.Decision;

    /// <summary>The rule named in block answers: the deciding rule, or <c>palisade</c> when a failure path decided.</summary>
    public string Rule => Verdict.DecidingRule ?? "palisade";
}
