namespace Palisade.Core.Text.Folding;

/// <summary>
/// Invariant lower case of every BMP character, looked up in a table. <see cref="char.ToLowerInvariant(char)"/>
/// calls into ICU once per non-ASCII character; the table is built with one bulk call on first use (128 KB) and
/// is checked against the per-character answer for every BMP character by a test.
/// </summary>
internal static class CaseTable
{
    private static readonly char[] Lower = Build();

    public static char ToLower(char c) => Lower[c];

    private static char[] Build()
    {
        var all = new char[0x10000];
        for (var i = 0; i < all.Length; i++) all[i] = (char)i;
        var lower = (char[])all.Clone();
        all.AsSpan(0, 0xD800).ToLowerInvariant(lower.AsSpan(0, 0xD800));
        all.AsSpan(0xE000).ToLowerInvariant(lower.AsSpan(0xE000));
        return lower;
    }
}
