namespace Palisade.Core.Rules;

public static class Entropy
{
    /// <summary>Shannon entropy in bits per character over the value's characters.</summary>
    public static double Shannon(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return 0;
        Span<int> ascii = stackalloc int[128];
        Dictionary<char, int>? other = null;
        foreach (var c in value)
        {
            if (c < 128) ascii[c]++;
            else
            {
                other ??= [];
                other[c] = other.GetValueOrDefault(c) + 1;
            }
        }
        double h = 0, n = value.Length;
        foreach (var count in ascii)
            if (count > 0) h -= count / n * Math.Log2(count / n);
        if (other is not null)
            foreach (var count in other.Values) h -= count / n * Math.Log2(count / n);
        return h;
    }
}
