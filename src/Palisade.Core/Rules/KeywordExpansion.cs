using System.Text;

namespace Palisade.Core.Rules;

/// <summary>
/// Brace expansion for rule keywords, so a rule can list the exact phrases its pattern requires without spelling out
/// every combination: <c>'{tell,warn}{,ing} {,the }user'</c> stands for <c>tell user</c>, <c>tell the user</c>,
/// <c>telling user</c>, … (eight keywords). A group is <c>{…}</c> holding at least one comma; alternatives may be
/// empty; inside a group, <c>\,</c> <c>\{</c> <c>\}</c> and <c>\\</c> stand for the character itself. Groups do not
/// nest. A keyword without a group is taken as written (so <c>:(){</c> is just text).
/// </summary>
public static class KeywordExpansion
{
    /// <summary>More phrases than this from one keyword is a mistake in the rule, not a keyword list.</summary>
    public const int MaxExpansions = 1024;

    /// <exception cref="FormatException">a group is not closed, groups nest, or the expansion is too large.</exception>
    public static IReadOnlyList<string> Expand(string keyword)
    {
        var parts = Parse(keyword);
        if (parts is null) return [keyword];
        IEnumerable<string> result = [""];
        var count = 1L;
        foreach (var alternatives in parts)
        {
            count *= alternatives.Count;
            if (count > MaxExpansions) throw new FormatException($"keyword '{keyword}' expands to more than {MaxExpansions} phrases.");
            var prefixes = result;
            result = prefixes.SelectMany(p => alternatives.Select(a => p + a));
        }
        return result.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Literal runs and groups, each as its list of alternatives; null when the keyword has no group.</summary>
    private static List<List<string>>? Parse(string keyword)
    {
        var parts = new List<List<string>>();
        var literal = new StringBuilder();
        var any = false;
        var i = 0;
        while (i < keyword.Length)
        {
            var close = keyword[i] == '{' ? GroupEnd(keyword, i) : -1;
            if (close < 0)
            {
                literal.Append(keyword[i++]);
                continue;
            }
            any = true;
            if (literal.Length > 0) parts.Add([literal.ToString()]);
            literal.Clear();
            parts.Add(Alternatives(keyword, i + 1, close));
            i = close + 1;
        }
        if (!any) return null;
        if (literal.Length > 0) parts.Add([literal.ToString()]);
        return parts;
    }

    /// <summary>Index of the <c>}</c> that closes a group opened at <paramref name="open"/>, or -1 when there is no group there.</summary>
    private static int GroupEnd(string keyword, int open)
    {
        var comma = false;
        for (var i = open + 1; i < keyword.Length; i++)
        {
            var c = keyword[i];
            if (c == '\\' && i + 1 < keyword.Length) { i++; continue; }
            if (c == ',') comma = true;
            else if (c == '}') return comma ? i : -1;
            else if (c == '{' && comma) throw new FormatException($"keyword '{keyword}' nests a group in a group.");
        }
        if (comma) throw new FormatException($"keyword '{keyword}' opens a group it does not close.");
        return -1;
    }

    private static List<string> Alternatives(string keyword, int start, int end)
    {
        var alternatives = new List<string>();
        var current = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            var c = keyword[i];
            if (c == '\\' && i + 1 < end && keyword[i + 1] is ',' or '{' or '}' or '\\') current.Append(keyword[++i]);
            else if (c == ',')
            {
                alternatives.Add(current.ToString());
                current.Clear();
            }
            else current.Append(c);
        }
        alternatives.Add(current.ToString());
        return alternatives;
    }
}
