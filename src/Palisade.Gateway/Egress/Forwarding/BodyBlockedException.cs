using Palisade.Gateway.Enforcement;

namespace Palisade.Gateway.Egress.Forwarding;

/// <summary>Thrown from inside an upload when a later window of the body is blocked: the upstream request is aborted there.</summary>
public sealed class BodyBlockedException(Judgement judgement) : Exception($"request body blocked by {judgement.Rule}")
{
    public Judgement Judgement { get; } = judgement;

    public static Judgement? Find(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is BodyBlockedException b) return b.Judgement;
        return null;
    }
}
