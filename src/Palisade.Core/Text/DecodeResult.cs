namespace Palisade.Core.Text;

/// <summary>The decoded views of one field, and whether a limit left something undecoded.</summary>
public sealed record DecodeResult(IReadOnlyList<TextView> Views, bool LimitReached)
{
    public static DecodeResult None { get; } = new([], false);
}
