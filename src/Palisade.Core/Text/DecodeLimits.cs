namespace Palisade.Core.Text;

/// <summary>Bounds on decoding, so decoded views never cost more than a fixed multiple of the input.</summary>
public sealed record DecodeLimits
{
    /// <summary>Nested decoding depth (base64 inside URL encoding inside hex counts 3).</summary>
    public int MaxDepth { get; init; } = 3;

    /// <summary>Shortest encoded segment worth decoding.</summary>
    public int MinSegmentLength { get; init; } = 16;

    /// <summary>Total decoded characters across all views, as a multiple of the input length.</summary>
    public int MaxExpansionFactor { get; init; } = 4;

    /// <summary>Most decoded views per field.</summary>
    public int MaxViews { get; init; } = 64;

    public static DecodeLimits Default { get; } = new();
}
