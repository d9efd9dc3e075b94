namespace Palisade.Core.Text.Decoding;

/// <summary>Runs every codec's finder over one text. Each finder is one linear pass that jumps with vectorized searches.</summary>
internal static class SegmentFinder
{
    /// <summary>Below this, every word is a candidate: a configured minimum is raised to it.</summary>
    private const int MinSegmentFloor = 4;

    /// <summary>Encoded payloads in visible text: URL, base64, base32, hex, character escapes, and the text as a whole.</summary>
    public static void FindEncoded(string text, DecodeLimits limits, List<DecodedSegment> into)
    {
        var first = into.Count;
        var minLength = Math.Max(MinSegmentFloor, limits.MinSegmentLength);
        PercentCodec.Find(text, into);
        EncodedRunFinder.Find(text, minLength, into);
        HexCodec.Find(text, minLength, into);
        EscapeCodec.Find(text, into);
        if (WholeContent.TryDecode(text, minLength) is { } whole)
        {
            // The whole payload supersedes its pieces (one per line of a wrapped base64 body).
            for (var i = into.Count - 1; i >= first; i--)
                if (into[i].Codec == whole.Codec) into.RemoveAt(i);
            into.Add(whole);
        }
    }

    /// <summary>Payloads hidden in characters that render as nothing: Unicode tags and runs of variation selectors.</summary>
    public static void FindHidden(string text, List<DecodedSegment> into)
    {
        // One vectorised pass says whether either codec has anything to read (tags are surrogate pairs led by U+DB40,
        // which is also where supplementary variation selectors start): most text has neither.
        if (!text.AsSpan().ContainsAny(VariationSelectorCodec.Starts)) return;
        TagCodec.Find(text, into);
        VariationSelectorCodec.Find(text, into);
    }
}
