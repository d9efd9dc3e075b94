using System.Buffers;
using System.Globalization;
using System.Text;
using Palisade.Core.Text;
using Palisade.Core.Text.Folding;
using Palisade.Core.Text.Mapping;

namespace Palisade.Tests.Text;

/// <summary>
/// The fold spec written as plainly as possible, one character at a time: the oracle that
/// <see cref="Folder"/>'s vectorized implementation is checked against.
/// </summary>
internal static class ReferenceFolder
{
    public static TextView Fold(TextView view)
    {
        var source = view.Text.AsSpan();
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, source.Length));
        try
        {
            var map = new IndexMapBuilder();
            var written = 0;
            var i = 0;
            while (i < source.Length)
            {
                var c = source[i];
                if (char.IsWhiteSpace(c))
                {
                    var end = i + 1;
                    while (end < source.Length && char.IsWhiteSpace(source[end])) end++;
                    buffer[written++] = ' ';
                    map.AddBlock(i, end - i, 1);
                    i = end;
                }
                else if (IsTokenChar(source, i))
                {
                    var end = TokenEnd(source, i, out var kinds);
                    written += WriteToken(source[i..end], i, kinds, buffer.AsSpan(written), map);
                    i = end;
                }
                else
                {
                    written += WriteLower(source, i, buffer.AsSpan(written), map, out var consumed);
                    i += consumed;
                }
            }
            var text = buffer.AsSpan(0, written);
            return text.SequenceEqual(source) ? view : TextView.Derived("folded", text.ToString(), view, map.Build(source.Length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    [Flags]
    private enum TokenKinds { None = 0, Letter = 1, Latin = 2, Lookalike = 4 }

    private static int TokenEnd(ReadOnlySpan<char> s, int i, out TokenKinds kinds)
    {
        kinds = TokenKinds.None;
        while (i < s.Length && IsTokenChar(s, i))
        {
            var c = s[i];
            if (char.IsHighSurrogate(c))
            {
                if (Rune.DecodeFromUtf16(s[i..], out var rune, out _) == OperationStatus.Done && Rune.IsLetter(rune)) kinds |= TokenKinds.Letter;
                i += 2;
                continue;
            }
            if (char.IsLetter(c))
            {
                kinds |= TokenKinds.Letter | Confusables.ScriptOf(c) switch
                {
                    LetterScript.Latin => TokenKinds.Latin,
                    LetterScript.Lookalike => TokenKinds.Lookalike,
                    _ => TokenKinds.None,
                };
            }
            i++;
        }
        return i;
    }

    private static int WriteToken(ReadOnlySpan<char> token, int at, TokenKinds kinds, Span<char> into, IndexMapBuilder map)
    {
        var leet = kinds.HasFlag(TokenKinds.Letter);
        var mixed = kinds.HasFlag(TokenKinds.Latin | TokenKinds.Lookalike);
        var written = 0;
        var i = 0;
        while (i < token.Length)
        {
            var c = token[i];
            if (leet && Leet.IsLeet(c)) into[written++] = Leet.Undo(c);
            else if (mixed && Confusables.TryMapForeign(c, out var latin)) into[written++] = latin;
            else if (!char.IsHighSurrogate(c)) into[written++] = Confusables.MapLatin(char.ToLowerInvariant(c));
            else
            {
                written += WriteLower(token, i, into[written..], map: null, out _);
                map.AddLinear(at + i, 2);
                i += 2;
                continue;
            }
            map.AddLinear(at + i, 1);
            i++;
        }
        return written;
    }

    /// <summary>Writes the lower case of the code point at <paramref name="i"/>; a supplementary one keeps its length or stays as it is.</summary>
    private static int WriteLower(ReadOnlySpan<char> s, int i, Span<char> into, IndexMapBuilder? map, out int consumed)
    {
        var c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            consumed = 2;
            var rune = new Rune(c, s[i + 1]);
            var lower = Rune.ToLowerInvariant(rune);
            if (lower.Utf16SequenceLength != 2) lower = rune;
            lower.EncodeToUtf16(into);
            map?.AddLinear(i, 2);
            return 2;
        }
        consumed = 1;
        into[0] = char.ToLowerInvariant(c);
        map?.AddLinear(i, 1);
        return 1;
    }

    private static bool IsTokenChar(ReadOnlySpan<char> s, int i)
    {
        var c = s[i];
        if (c < '\u0080') return Leet.IsAsciiTokenChar(c);
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) return false;
            return IsWordCategory(CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, s[i + 1])));
        }
        return IsWordCategory(CharUnicodeInfo.GetUnicodeCategory(c));
    }

    private static bool IsWordCategory(UnicodeCategory category) => category is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
