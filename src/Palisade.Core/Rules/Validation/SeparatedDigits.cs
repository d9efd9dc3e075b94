namespace Palisade.Core.Rules.Validation;

/// <summary>A number written with optional spaces or dashes between its digits (card numbers, SSNs).</summary>
internal static class SeparatedDigits
{
    /// <summary>
    /// Copies the digits of <paramref name="value"/> into <paramref name="digits"/>; the count copied, or -1 when the
    /// value holds any other character or more digits than fit.
    /// </summary>
    public static int Read(ReadOnlySpan<char> value, Span<char> digits)
    {
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (n == digits.Length) return -1;
                digits[n++] = c;
            }
            else if (c is not (' ' or '-')) return -1;
        }
        return n;
    }
}
