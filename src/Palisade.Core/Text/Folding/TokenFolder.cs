using System.Globalization;
using System.Text;

namespace Palisade.Core.Text.Folding;

/// <summary>
/// Folds one token that holds non-ASCII characters: it is read once to lower-case it and to learn whether it has
/// letters (leetspeak is undone only then), whether it mixes Latin with Cyrillic, Greek or Armenian letters
/// (look-alikes become Latin only then) and whether it has Latin look-alikes; a second pass runs only if one of
/// those applies. Every character keeps its position.
/// </summary>
internal static class TokenFolder
{
    [Flags]
    private enum Kinds { None = 0, Letter = 1, Latin = 2, Lookalike = 4, Leet = 8, LatinLookalike = 16 }

    /// <summary>True when the code point at <paramref name="i"/> belongs in a token: a letter, mark or decimal digit, or <c>@ $</c>.</summary>
    public static bool IsTokenChar(ReadOnlySpan<char> s, int i) => Classify(s, i) != CharClass.None;

    private enum CharClass { None, Letter, Other }

    private static CharClass Classify(ReadOnlySpan<char> s, int i)
    {
        var c = s[i];
        if (c < '\u0080')
            return char.IsAsciiLetter(c) ? CharClass.Letter : char.IsAsciiDigit(c) || c is '@' or '$' ? CharClass.Other : CharClass.None;
        if ((uint)(c - '\u0410') <= 0x3F) return CharClass.Letter; // А–я, the common case on a Russian page
        UnicodeCategory category;
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) return CharClass.None;
            category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, s[i + 1]));
        }
        else if (char.IsLowSurrogate(c))
        {
            if (i == 0 || !char.IsHighSurrogate(s[i - 1])) return CharClass.None;
            category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(s[i - 1], c));
        }
        else category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category switch
        {
            <= UnicodeCategory.OtherLetter => CharClass.Letter,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.DecimalDigitNumber => CharClass.Other,
            _ => CharClass.None,
        };
    }

    /// <summary>Start of the token that holds position <paramref name="i"/>.</summary>
    public static int TokenStart(ReadOnlySpan<char> s, int i)
    {
        while (i > 0 && IsTokenChar(s, i - 1)) i--;
        return i;
    }

    /// <summary>Folds the token starting at <paramref name="start"/> into the same positions of <paramref name="into"/>; returns its end.</summary>
    public static int Fold(ReadOnlySpan<char> s, int start, Span<char> into)
    {
        var end = start;
        var kinds = Kinds.None;
        CharClass cls;
        while (end < s.Length && (cls = Classify(s, end)) != CharClass.None)
        {
            var c = s[end];
            if (char.IsHighSurrogate(c))
            {
                if (cls == CharClass.Letter) kinds |= Kinds.Letter;
                end += WriteLower(s, end, into[end..]);
                continue;
            }
            if (cls == CharClass.Letter)
            {
                kinds |= Kinds.Letter | Confusables.ScriptOf(c) switch
                {
                    LetterScript.Latin => Kinds.Latin,
                    LetterScript.Lookalike => Kinds.Lookalike,
                    _ => Kinds.None,
                };
            }
            else if (Leet.IsLeet(c)) kinds |= Kinds.Leet;
            var lower = CaseTable.ToLower(c);
            if (Confusables.MapLatin(lower) != lower) kinds |= Kinds.LatinLookalike;
            into[end++] = lower;
        }
        var leet = (kinds & (Kinds.Letter | Kinds.Leet)) == (Kinds.Letter | Kinds.Leet);
        var mixed = (kinds & (Kinds.Latin | Kinds.Lookalike)) == (Kinds.Latin | Kinds.Lookalike);
        if (leet || mixed || (kinds & Kinds.LatinLookalike) != 0)
        {
            for (var i = start; i < end; i++)
            {
                var c = s[i];
                if (leet && Leet.IsLeet(c)) into[i] = Leet.Undo(c);
                else if (mixed && Confusables.TryMapForeign(c, out var latin)) into[i] = latin;
                else into[i] = Confusables.MapLatin(into[i]);
            }
        }
        return end;
    }

    /// <summary>Writes the lower case of the code point at <paramref name="i"/>; returns its length. A supplementary one that would change length stays as it is.</summary>
    public static int WriteLower(ReadOnlySpan<char> s, int i, Span<char> into)
    {
        var c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            var rune = new Rune(c, s[i + 1]);
            var lower = Rune.ToLowerInvariant(rune);
            (lower.Utf16SequenceLength == 2 ? lower : rune).EncodeToUtf16(into);
            return 2;
        }
        into[0] = CaseTable.ToLower(c);
        return 1;
    }

}
