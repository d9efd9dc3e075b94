namespace Palisade.Core.Text.Decoding;

/// <summary>One encoded segment [Start, Start+Length) of a view, the codec that read it, and the text it decoded to.</summary>
internal readonly record struct DecodedSegment(int Start, int Length, string Codec, string Text);
