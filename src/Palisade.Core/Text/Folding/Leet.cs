using System.Buffers;

namespace Palisade.Core.Text.Folding;

/// <summary>
/// Leetspeak, undone only inside tokens that have letters: <c>1gn0r3</c> reads <c>ignore</c>, while
/// <c>2024</c> or <c>$100</c> stay as they are. A token is a run of letters, combining marks, digits, <c>@</c> and <c>$</c>.
/// </summary>
internal static class Leet
{
    private static readonly SearchValues<char> Symbols = SearchValues.Create("013457@$");

    public static bool IsLeet(char c) => c is '0' or '1' or '3' or '4' or '5' or '7' or '@' or '$';

    public static char Undo(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '@' => 'a',
        '$' => 's',
        _ => c,
    };

    public static bool IsAsciiTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '@' or '$';

    /// <summary>
    /// Undoes leetspeak in place in lower-cased ASCII tokens, visiting only tokens that hold a leet character.
    /// Tokens with non-ASCII characters were folded whole by <see cref="TokenFolder"/> already.
    /// </summary>
    public static bool UndoInAsciiTokens(Span<char> text)
    {
        var changed = false;
        var i = 0;
        while (i < text.Length)
        {
            var k = text[i..].IndexOfAny(Symbols);
            if (k < 0) break;
            var at = i + k;
            var start = at;
            while (start > i && IsAsciiTokenChar(text[start - 1])) start--;
            var end = at + 1;
            while (end < text.Length && IsAsciiTokenChar(text[end])) end++;
            var token = text[start..end];
            if (token.ContainsAnyInRange('a', 'z'))
            {
                foreach (ref var c in token) c = Undo(c);
                changed = true;
            }
            i = end;
        }
        return changed;
    }
}
