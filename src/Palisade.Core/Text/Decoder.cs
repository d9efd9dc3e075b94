namespace Palisade.Core.Text;

/// <summary>Finds and decodes encoded payloads. (Placeholder: decodes nothing yet.)</summary>
public static class Decoder
{
    public static IReadOnlyList<TextView> DecodeAll(TextView view, DecodeLimits limits) => [];
}
