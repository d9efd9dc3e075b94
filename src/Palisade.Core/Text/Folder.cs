using System.Buffers;
using System.Text;
using Palisade.Core.Text.Folding;
using Palisade.Core.Text.Mapping;

namespace Palisade.Core.Text;

/// <summary>
/// Folds text for phrase rules. Rules are written against exactly this, applied to the normalized view:
/// <list type="number">
/// <item>Tokens are runs of letters, combining marks, decimal digits, <c>@</c> and <c>$</c>; everything else separates them.</item>
/// <item>In a token that mixes Latin letters with Cyrillic, Greek or Armenian ones, those look-alikes become Latin
/// (<c>іgnоrе</c> → <c>ignore</c>); a token wholly in one of those scripts is left alone (Russian stays Russian).
/// Latin small capitals and IPA look-alikes (<c>ɪɢɴᴏʀᴇ</c>, <c>ɡ</c>, <c>ı</c>) always become plain Latin.</item>
/// <item>Everything is lower-cased (invariant culture).</item>
/// <item>In a token with at least one letter, <c>0 1 3 4 5 7 @ $</c> become <c>o i e a s t a s</c>
/// (<c>1gn0r3</c> → <c>ignore</c>, <c>p@$$w0rd</c> → <c>password</c>); tokens without letters (<c>2024</c>, <c>$100</c>) keep them.</item>
/// <item>Every whitespace run (anything <see cref="char.IsWhiteSpace(char)"/> accepts, including at the ends) becomes one space.
/// All other characters stay.</item>
/// </list>
/// Lengths change only where whitespace collapses, and the view maps back to the original exactly.
/// Returns the input view itself when folding changes nothing.
/// A folded view holds its characters in a pooled buffer that <see cref="TextView.Release"/> gives back.
/// </summary>
/// <remarks>
/// ASCII stretches are lower-cased with one vectorized call each; only tokens holding non-ASCII characters, tokens
/// holding a leet character, and whitespace that needs collapsing are visited one character at a time.
/// </remarks>
public static class Folder
{
    public static TextView Fold(TextView view)
    {
        var source = view.Chars;
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, source.Length));
        var kept = false;
        try
        {
            // The folded text stays in the pooled buffer: most fields wake no phrase rule, and then no string is ever made of it.
            var text = buffer.AsSpan(0, source.Length);
            var asciiSpaces = LowerAndFoldTokens(source, text);
            Leet.UndoInAsciiTokens(text);
            if (!WhitespaceCollapser.NeedsWork(text, asciiSpaces))
            {
                if (text.SequenceEqual(source)) return view;
                kept = true;
                return TextView.Derived("folded", buffer, source.Length, view, null);
            }
            var map = new IndexMapBuilder();
            var length = WhitespaceCollapser.Collapse(text, asciiSpaces, map);
            kept = true;
            return TextView.Derived("folded", buffer, length, view, map.BuildPooled(source.Length));
        }
        finally
        {
            if (!kept) ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Lower-cases ASCII stretches (vectorized) and folds each token that holds a non-ASCII character whole, in place
    /// order. Returns true when all whitespace in the text is ASCII.
    /// </summary>
    private static bool LowerAndFoldTokens(ReadOnlySpan<char> source, Span<char> into)
    {
        var asciiSpaces = true;
        var i = 0;
        while (i < source.Length)
        {
            var k = source[i..].IndexOfAnyExceptInRange('\u0000', '\u007F');
            var stop = k < 0 ? source.Length : i + k;
            if (stop - i > 8) Ascii.ToLower(source[i..stop], into[i..stop], out _);
            else
                for (var j = i; j < stop; j++) into[j] = char.ToLowerInvariant(source[j]);
            if (stop == source.Length) break;
            if (TokenFolder.IsTokenChar(source, stop))
            {
                i = TokenFolder.Fold(source, TokenFolder.TokenStart(source, stop), into);
                continue;
            }
            asciiSpaces &= !char.IsWhiteSpace(source[stop]);
            i = stop + TokenFolder.WriteLower(source, stop, into[stop..]);
        }
        return asciiSpaces;
    }
}
