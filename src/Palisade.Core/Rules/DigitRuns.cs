namespace Palisade.Core.Rules;

/// <summary>
/// The longest run of digits in a text, where single separators (space, dash, dot, slash, parentheses) may sit
/// between digits. One vectorised hop per digit run: prose with few numbers costs almost nothing.
/// </summary>
public static class DigitRuns
{
    public static int Longest(ReadOnlySpan<char> text, int enough = int.MaxValue)
    {
        var best = 0;
        var i = 0;
        while (i < text.Length)
        {
            var next = text[i..].IndexOfAnyInRange('0', '9');
            if (next < 0) break;
            i += next;
            var run = 0;
            while (i < text.Length)
            {
                if (char.IsAsciiDigit(text[i])) { run++; i++; }
                else if (i + 1 < text.Length && IsSeparator(text[i]) && char.IsAsciiDigit(text[i + 1])) i++;
                else if (i + 2 < text.Length && IsSeparator(text[i]) && IsSeparator(text[i + 1]) && char.IsAsciiDigit(text[i + 2])) i += 2;
                else break;
            }
            if (run > best && (best = run) >= enough) return best;
            i++;
        }
        return best;
    }

    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '/' or '(' or ')';
}
