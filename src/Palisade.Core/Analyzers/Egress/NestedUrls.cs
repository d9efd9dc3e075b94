namespace Palisade.Core.Analyzers.Egress;

/// <summary>
/// URLs carried in a URL's query (<c>?url=http://169.254.169.254/</c>, <c>?next=//localhost/</c>): what an open redirect
/// or a fetch-by-URL service will go on to request. Values are decoded until stable before they are judged.
/// </summary>
public static class NestedUrls
{
    /// <summary>Bounded work: at most this many nested URLs are judged per URL.</summary>
    public const int Max = 4;

    public static IReadOnlyList<(string Param, string Url)> Find(ParsedUrl url)
    {
        if (url.Query is not { Length: > 0 } query || !(query.Contains("//") || query.Contains("%2F", StringComparison.OrdinalIgnoreCase) || query.Contains('\\')))
            return [];
        var found = new List<(string, string)>();
        foreach (var pair in query.Split('&', ';'))
        {
            var eq = pair.IndexOf('=');
            if (eq < 0) continue;
            var value = PercentDecoding.DecodeFully(pair[(eq + 1)..], plusAsSpace: true).Trim();
            if (!LooksLikeUrl(value)) continue;
            found.Add((PercentDecoding.DecodeFully(pair[..eq]).ToLowerInvariant(), value));
            if (found.Count == Max) break;
        }
        return found;
    }

    private static bool LooksLikeUrl(string value)
    {
        var i = 0;
        if (value.Length > 0 && char.IsAsciiLetter(value[0]))
        {
            while (i < value.Length && (char.IsAsciiLetterOrDigit(value[i]) || value[i] is '+' or '-' or '.')) i++;
            if (i == value.Length || value[i] != ':') return false;
            i++;
        }
        return value.Length >= i + 3 && value[i] is '/' or '\\' && value[i + 1] is '/' or '\\' && value[i + 2] is not '/' and not '\\';
    }
}
