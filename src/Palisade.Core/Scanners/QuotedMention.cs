namespace Palisade.Core.Scanners;

/// <summary>
/// An injection phrase quoted as an example of itself — <c>phrases like 'ignore previous instructions'</c> — is a
/// mention, not a use: security articles, training material and docs quote the phrases they warn about. A match counts
/// as a mention only when both hold: the matched phrase sits inside quotation marks, and a few words before the opening
/// mark name it as an example ("phrases like", "such as", "e.g.", "known as"). Either alone is not enough: an attacker
/// quotes an instruction to make it stand out, and "such as" precedes real instructions too.
/// <para>
/// A mention still counts, at a quarter of its weight (<see cref="WeightFactor"/>): the same text with a second,
/// unquoted signal is still judged, and copying the cue in front of a real injection buys the attacker little.
/// </para>
/// </summary>
public static class QuotedMention
{
    public const double WeightFactor = 0.25;

    /// <summary>Tags an injection finding whose phrase was quoted as an example.</summary>
    public const string Tag = "quoted-mention";

    /// <summary>How far before the opening mark a cue may end.</summary>
    private const int CueReach = 24;

    private static readonly string[] Cues =
    [
        "phrases like", "phrase like", "phrases such as", "such as", "e.g.", "e.g.,", "for example", "for instance",
        "known as", "the phrase", "the words", "strings like", "prompts like", "patterns include", "patterns like",
        "inputs like", "messages like", "text like", "lines like", "examples include",
        // Articles that describe an attack before quoting it: "a common attack pattern is: '…'".
        "pattern is", "patterns are", "attacks like", "attack like", "payloads like", "payload like", "an example is",
        "examples are",
    ];

    private const string Openers = "'\"“‘«`";
    private const string Closers = "'\"”’»`";

    /// <summary>Whether the match at [<paramref name="start"/>, +<paramref name="length"/>) of <paramref name="source"/> is a quoted example.</summary>
    public static bool Is(string source, int start, int length)
    {
        if (start <= 0 || start + length > source.Length) return false;
        // The quoted phrase around the match: the nearest marks on either side, with no other mark between them and it.
        var open = source.LastIndexOfAny(QuoteChars, start - 1, Math.Min(start, MaxItem));
        if (open < 0 || Openers.IndexOf(source[open]) < 0) return false;
        var end = start + length;
        var close = end < source.Length ? source.IndexOfAny(QuoteChars, end, Math.Min(source.Length - end, MaxItem)) : -1;
        if (close < 0 || Closers.IndexOf(source[close]) < 0 || close - open > MaxItem) return false;
        return IntroducedAsExample(source, open, ListItems);
    }

    /// <summary>Quoted items of one list ('A', 'B' and 'C') an introducing cue may reach back over.</summary>
    private const int ListItems = 6;

    /// <summary>Whether a cue ends just before the opening mark at <paramref name="mark"/>, or before an earlier item of the same quoted list.</summary>
    private static bool IntroducedAsExample(string source, int mark, int items)
    {
        var from = Math.Max(0, mark - CueReach);
        var before = source.AsSpan(from, mark - from).TrimEnd();
        foreach (var cue in Cues)
        {
            var at = before.LastIndexOf(cue, StringComparison.OrdinalIgnoreCase);
            // The cue ends the stretch before the mark, or only a colon stands between.
            if (at >= 0 && before.Length - (at + cue.Length) <= 1) return true;
        }
        if (items == 0) return false;
        // A later item of a list: `… like 'A' and 'B'` — step back over the separator to the previous item's marks.
        var rest = before;
        foreach (var separator in (ReadOnlySpan<string>)[" and", " or", ","])
            if (rest.EndsWith(separator, StringComparison.OrdinalIgnoreCase)) { rest = rest[..^separator.Length].TrimEnd(); break; }
        if (rest.Length == before.Length || rest.IsEmpty || Closers.IndexOf(rest[^1]) < 0) return false;
        var closeAt = from + rest.Length - 1;
        var open = closeAt > 0 ? source.LastIndexOfAny(OpenerChars, closeAt - 1) : -1;
        return open >= 0 && closeAt - open <= MaxItem && IntroducedAsExample(source, open, items - 1);
    }

    /// <summary>Longest quoted list item stepped over: a phrase, not a paragraph.</summary>
    private const int MaxItem = 200;

    private static readonly char[] OpenerChars = Openers.ToCharArray();
    private static readonly char[] QuoteChars = (Openers + Closers).Distinct().ToArray();
}
