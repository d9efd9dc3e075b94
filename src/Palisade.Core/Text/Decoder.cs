using Palisade.Core.Text.Decoding;
using Palisade.Core.Text.Mapping;

namespace Palisade.Core.Text;

/// <summary>
/// Finds and decodes encoded payloads, then decodes what it decoded, up to <see cref="DecodeLimits.MaxDepth"/>.
/// All segments one codec found in one view become one view (segments joined by a line feed), named by the
/// chain of codecs that produced it (<c>base64</c>, <c>url+base64</c>, <c>hex+base64</c>); each segment maps back to
/// its encoded span in the original text. Total decoded text stays within <see cref="DecodeLimits.MaxExpansionFactor"/>
/// times the input and at most <see cref="DecodeLimits.MaxViews"/> views; <see cref="DecodeResult.LimitReached"/> says
/// when a limit cut something off.
/// </summary>
public static class Decoder
{
    public static IReadOnlyList<TextView> DecodeAll(TextView view, DecodeLimits limits) => Decode(view, view, limits).Views;

    /// <summary>Decodes <paramref name="normalized"/>; hidden-character payloads are read from <paramref name="raw"/>, since normalization removes them.</summary>
    public static DecodeResult Decode(TextView raw, TextView normalized, DecodeLimits limits)
    {
        if (raw.Text.Length == 0 || limits.MaxDepth < 1) return DecodeResult.None;
        var budget = new DecodeBudget(limits, raw.Text.Length);
        var views = new List<TextView>();
        var level = new List<TextView>();
        var segments = new List<DecodedSegment>();

        SegmentFinder.FindEncoded(normalized.Text, limits, segments);
        AddViews(normalized, 1, segments, budget, views, level);
        SegmentFinder.FindHidden(raw.Text, segments);
        AddViews(raw, 1, segments, budget, views, level);

        for (var depth = 2; depth <= limits.MaxDepth && level.Count > 0; depth++)
        {
            var next = new List<TextView>();
            foreach (var parent in level)
            {
                SegmentFinder.FindEncoded(parent.Text, limits, segments);
                SegmentFinder.FindHidden(parent.Text, segments);
                AddViews(parent, depth, segments, budget, views, next);
            }
            level = next;
        }
        return views.Count == 0 && !budget.Exhausted ? DecodeResult.None : new DecodeResult(views, budget.Exhausted);
    }

    /// <summary>Turns the segments found in <paramref name="parent"/> into one view per codec, as far as the budget allows; clears <paramref name="segments"/>.</summary>
    private static void AddViews(TextView parent, int depth, List<DecodedSegment> segments, DecodeBudget budget, List<TextView> views, List<TextView> level)
    {
        if (segments.Count == 0) return;
        segments.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Codec, b.Codec));
        foreach (var codec in segments.Select(s => s.Codec).Distinct().Order(StringComparer.Ordinal))
        {
            if (!budget.HasView) break;
            var text = new System.Text.StringBuilder();
            var map = new IndexMapBuilder();
            var previousEnd = 0;
            foreach (var segment in segments)
            {
                if (segment.Codec != codec) continue;
                var separator = text.Length > 0 ? 1 : 0;
                if (!budget.TryTakeChars(segment.Text.Length + separator)) break;
                if (separator > 0)
                {
                    text.Append('\n');
                    map.AddBlock(previousEnd, 0, 1);
                }
                text.Append(segment.Text);
                map.AddBlock(segment.Start, segment.Length, segment.Text.Length);
                previousEnd = segment.Start + segment.Length;
            }
            if (text.Length == 0) continue;
            budget.TakeView();
            var name = parent.IsDecoded ? parent.Name + "+" + codec : codec;
            var view = TextView.DecodedFrom(name, text.ToString(), depth, parent, map.Build(-1)!);
            views.Add(view);
            level.Add(view);
        }
        segments.Clear();
    }
}
