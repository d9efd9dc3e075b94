namespace Palisade.Core.Rules.Validation;

/// <summary>
/// A value that is not a placeholder. Placeholder material is the word EXAMPLE (in any case), x-ing out (<c>xxxxxxxx</c>),
/// or a run of characters that count up, count down or repeat (<c>1234</c>, <c>abcd</c>, <c>9876</c>, <c>0000</c>).
/// A value is a placeholder when it says EXAMPLE or is x-ed out, when runs of four or more cover at least half of its
/// letters and digits, or when a counting run of six or more sits in a stretch of letters and digits that holds a letter.
/// <para>
/// That last test is what a person typing or masking a key does (<c>…Vg276543210</c>, <c>sk-1234567c7Qu…</c>) and what a
/// generator rarely does: about one 40-character base62 key in a million, one 40-character hex key in thirty thousand
/// (the rate of the "contains 123456" allow-list this replaces). Repeats are left out of it, since some formats repeat
/// by design (a Twitter bearer token opens with twenty-odd A's).
/// </para>
/// <para>
/// A stretch of digits alone is an account, team or bot id when the value also has a random part (a stretch of sixteen or
/// more with a letter): anonymising the id as <c>123456789012</c> or <c>511111111</c> leaves the secret beside it real,
/// so such stretches are not weighed, and <c>xoxb-123456789012-Vq8Zk…</c> is still found.
/// </para>
/// </summary>
public sealed class NotPlaceholderValidator : ISecretValidator
{
    public string Name => "not-placeholder";

    private const int MinRun = 4;
    private const int TypedRun = 6;
    private const int RandomPart = 16;

    /// <summary>
    /// A value that was x-ed out (<c>ghp_xxxxxxxx…</c>): it carries none of the credential it stands for, so it is dropped
    /// even where other placeholders are kept (at the network boundary, docs/decisions/012).
    /// </summary>
    public static bool IsMasked(ReadOnlySpan<char> value) => value.Contains("xxxxxxxx", StringComparison.OrdinalIgnoreCase);

    public bool IsValid(ReadOnlySpan<char> value)
    {
        // Any case: a random base62 value holds "example" about once in 10^10 positions; rules need no allow pattern for it.
        if (value.Contains("example", StringComparison.OrdinalIgnoreCase) || IsMasked(value)) return false;

        var hasRandomPart = false;
        for (var (start, end) = NextStretch(value, 0); start < value.Length; (start, end) = NextStretch(value, end))
            hasRandomPart |= end - start >= RandomPart && HasLetter(value[start..end]);

        int weighed = 0, covered = 0;
        for (var (start, end) = NextStretch(value, 0); start < value.Length; (start, end) = NextStretch(value, end))
        {
            var stretch = value[start..end];
            var hasLetter = HasLetter(stretch);
            if (!hasLetter && hasRandomPart) continue;
            weighed += stretch.Length;
            var last = -1;
            for (var i = 0; i < stretch.Length;)
            {
                var (length, step) = RunAt(stretch, i);
                if (hasLetter && step != 0 && length >= TypedRun) return false;
                if (length >= MinRun)
                {
                    covered += i + length - 1 - Math.Max(last, i - 1);
                    last = i + length - 1;
                }
                // a run's last character may start the next one (1234321)
                i += Math.Max(length - 1, 1);
            }
        }
        return covered * 2 < weighed || weighed == 0;
    }

    /// <summary>The next maximal stretch of ASCII letters and digits at or after <paramref name="from"/>, as [start, end).</summary>
    private static (int Start, int End) NextStretch(ReadOnlySpan<char> value, int from)
    {
        var start = from;
        while (start < value.Length && !char.IsAsciiLetterOrDigit(value[start])) start++;
        var end = start;
        while (end < value.Length && char.IsAsciiLetterOrDigit(value[end])) end++;
        return (start, end);
    }

    /// <summary>
    /// The longest run starting at <paramref name="i"/> in which each character is the previous one plus a constant step of
    /// 1, -1 or 0 (letters compared without case; digits and letters never mix).
    /// </summary>
    private static (int Length, int Step) RunAt(ReadOnlySpan<char> stretch, int i)
    {
        if (i + 1 >= stretch.Length || Step(stretch[i], stretch[i + 1]) is not ({ } step and >= -1 and <= 1)) return (1, int.MinValue);
        var end = i + 1;
        while (end + 1 < stretch.Length && Step(stretch[end], stretch[end + 1]) == step) end++;
        return (end - i + 1, step);
    }

    private static bool HasLetter(ReadOnlySpan<char> stretch)
    {
        foreach (var c in stretch)
            if (char.IsAsciiLetter(c)) return true;
        return false;
    }

    /// <summary>The distance from <paramref name="a"/> to <paramref name="b"/> within digits or within letters (case ignored); null across classes.</summary>
    private static int? Step(char a, char b)
    {
        if (char.IsAsciiDigit(a) && char.IsAsciiDigit(b)) return b - a;
        if (char.IsAsciiLetter(a) && char.IsAsciiLetter(b)) return char.ToLowerInvariant(b) - char.ToLowerInvariant(a);
        return null;
    }
}
