namespace Palisade.Core.Rules;

/// <summary>
/// The stretch of text around a keyword that a keyword-gated rule's regex runs over. It reaches at least
/// <c>reach</c> characters and at least <c>reach / 8</c> words (whitespace runs) from the keyword on either side, then
/// on to the next whitespace, so a window never cuts a word: padding a phrase with one very long token does not push
/// the rest of it out of the window. Windows of one rule that meet are merged by <see cref="RuleMatcher"/>.
/// </summary>
/// <remarks>
/// Guarantee: a match that holds one of the rule's keywords and reaches no further than <c>reach</c> characters, or
/// no further than <c>reach / 8</c> words, from it on each side lies inside a window, with the characters on both
/// sides of it. A match that touches a window's edge may be an artefact of the cut (a <c>^</c> or <c>$</c> anchor, a
/// greedy run stopped early) or a longer match than the window allows; either way the rule is run again over the
/// whole text, so edges never create or truncate a finding.
/// </remarks>
public static class MatchWindows
{
    /// <summary>Smallest reach a rule may ask for.</summary>
    public const int MinReach = 32;

    /// <summary>One word of reach per this many characters.</summary>
    public const int CharsPerWord = 8;

    /// <summary>Start of the window around a keyword that starts at <paramref name="from"/>.</summary>
    public static int Start(ReadOnlySpan<char> text, int from, int reach)
    {
        var floor = from - reach;
        var words = reach / CharsPerWord;
        var crossed = 0;
        var i = from;
        while (i > 0)
        {
            if (char.IsWhiteSpace(text[i - 1]))
            {
                if (i <= floor && crossed >= words) break;
                if (i == text.Length || !char.IsWhiteSpace(text[i])) crossed++;
            }
            i--;
        }
        return i;
    }

    /// <summary>End (exclusive) of the window around a keyword that ends at <paramref name="from"/>.</summary>
    public static int End(ReadOnlySpan<char> text, int from, int reach)
    {
        var ceiling = from + reach;
        var words = reach / CharsPerWord;
        var crossed = 0;
        var i = from;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                if (i >= ceiling && crossed >= words) break;
                if (i == 0 || !char.IsWhiteSpace(text[i - 1])) crossed++;
            }
            i++;
        }
        return i;
    }
}
