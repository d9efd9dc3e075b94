namespace Palisade.Core.Rules;

/// <summary>
/// Runs of digits in a text, where single separators (space, dash, dot, slash, parentheses) may sit between digits.
/// One vectorised hop per digit run: prose with few numbers costs almost nothing.
/// </summary>
public static class DigitRuns
{
    public static int Longest(ReadOnlySpan<char> text, int enough = int.MaxValue)
    {
        var best = 0;
        foreach (var run in Find(text))
            if (run.Digits > best && (best = run.Digits) >= enough) return best;
        return best;
    }

    /// <summary>Each digit run, left to right: where it starts and ends, and how many digits it holds.</summary>
    public static Enumerator Find(ReadOnlySpan<char> text) => new(text);

    public ref struct Enumerator(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _pos;

        public (int Start, int End, int Digits) Current { get; private set; }

        public readonly Enumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            var text = _text;
            if (_pos >= text.Length) return false;
            var next = text[_pos..].IndexOfAnyInRange('0', '9');
            if (next < 0)
            {
                _pos = text.Length;
                return false;
            }
            var i = _pos + next;
            var start = i;
            var end = i;
            var run = 0;
            while (i < text.Length)
            {
                if (char.IsAsciiDigit(text[i])) { run++; i++; end = i; }
                else if (i + 1 < text.Length && IsSeparator(text[i]) && char.IsAsciiDigit(text[i + 1])) i++;
                else if (i + 2 < text.Length && IsSeparator(text[i]) && IsSeparator(text[i + 1]) && char.IsAsciiDigit(text[i + 2])) i += 2;
                else break;
            }
            Current = (start, end, run);
            _pos = i + 1;
            return true;
        }
    }

    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '/' or '(' or ')';
}
