using System.Text.RegularExpressions;

namespace Palisade.Core.Analyzers.Egress;

/// <summary>
/// Whether a token is shaped like encoded data (base64, base32, random ids) rather than words. Only the shape is decided
/// here; how long and how high in entropy a token must be to count is up to the rules that read it.
/// Measured on 6,786 documentation URLs (no token of them passes) against random base64 and base32 (most do):
/// slugs are words joined by dashes, encodings switch between letters, digits and case all the time.
/// </summary>
public static class RandomShape
{
    /// <summary>Path and query tokens: hex (commit SHAs, digests, CDN hashes) and UUIDs are identifiers, not payloads.</summary>
    public static bool LooksEncoded(string token)
    {
        var t = token.Length >= 36 ? UuidPattern.Replace(token, "-") : token;
        if (t.Length < 16) return false;
        if (IsNearlyHex(t)) return false;
        return MixedLikeEncoding(t, minSwitchRatio: 0.25);
    }

    /// <summary>Host labels (lower case, so only letter/digit switches count). Hex is kept: DNS tunnels favour it.</summary>
    public static bool LooksEncodedLabel(string joinedLabels)
    {
        if (joinedLabels.Length < 16) return false;
        return MixedLikeEncoding(joinedLabels, minSwitchRatio: 0.2);
    }

    private static bool MixedLikeEncoding(string t, double minSwitchRatio)
    {
        var words = 0;
        var wordLength = 0;
        var wordAlpha = true;
        var digits = 0;
        var switches = 0;
        var alnum = 0;
        var previous = ' ';
        foreach (var c in t.Append('-'))
        {
            if (c is '-' or '_')
            {
                if (wordAlpha && wordLength >= 3) words++;
                wordLength = 0;
                wordAlpha = true;
                continue;
            }
            wordLength++;
            if (!char.IsAsciiLetter(c)) wordAlpha = false;
            if (char.IsAsciiDigit(c)) digits++;
            if (alnum++ > 0 && Class(c) != Class(previous)) switches++;
            previous = c;
        }
        // Two or more dash-separated words are a slug (`run-shortcuts-from-the-command-line-apd455c82f02`).
        if (words >= 2) return false;
        return digits >= 2 && alnum > 1 && (double)switches / (alnum - 1) >= minSwitchRatio;
    }

    private static int Class(char c) => char.IsAsciiDigit(c) ? 0 : char.IsAsciiLetterUpper(c) ? 1 : char.IsAsciiLetterLower(c) ? 2 : 3;

    /// <summary>
    /// Every long dash-separated part is hex, allowing one stray letter: digests (<c>sha256-9f86d0…</c>), commit SHAs,
    /// <c>git describe</c>'s <c>g</c> + SHA.
    /// </summary>
    private static bool IsNearlyHex(string t)
    {
        foreach (var part in t.Split('-', '_'))
        {
            if (part.Length < 8) continue;
            var other = 0;
            foreach (var c in part)
                if (!char.IsAsciiHexDigit(c) && ++other > 1) return false;
        }
        return true;
    }

    private static readonly Regex UuidPattern = new("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
}
