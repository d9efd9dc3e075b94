namespace Palisade.Core.Analyzers.Commands.Posix;

/// <summary>
/// bash brace expansion of an unquoted word: <c>{curl,-s,http://x}</c> is three words, <c>a{b,c}d</c> is
/// <c>abd acd</c>. Groups without a top-level comma (<c>{}</c>, <c>{x}</c>, <c>${x}</c>) stay as written.
/// </summary>
public static class BraceExpansion
{
    public static List<string> Expand(string word, int maxWords)
    {
        var results = new List<string>();
        Expand(word, maxWords, results, 0);
        return results;
    }

    private static void Expand(string word, int max, List<string> into, int depth)
    {
        if (into.Count >= max) return;
        if (depth > 8 || !TryFindGroup(word, out var open, out var close, out var commas))
        {
            into.Add(word);
            return;
        }
        var prefix = word[..open];
        var suffix = word[(close + 1)..];
        var start = open + 1;
        foreach (var comma in commas.Append(close))
        {
            Expand(prefix + word[start..comma] + suffix, max, into, depth + 1);
            if (into.Count >= max) return;
            start = comma + 1;
        }
    }

    /// <summary>The first brace group with a comma at its own level, not preceded by <c>$</c>.</summary>
    private static bool TryFindGroup(string s, out int open, out int close, out List<int> commas)
    {
        commas = [];
        for (open = 0; open < s.Length; open++)
        {
            if (s[open] != '{' || (open > 0 && s[open - 1] == '$')) continue;
            var depth = 0;
            commas.Clear();
            for (close = open + 1; close < s.Length; close++)
            {
                var c = s[close];
                if (c == '{') depth++;
                else if (c == '}')
                {
                    if (depth == 0) break;
                    depth--;
                }
                else if (c == ',' && depth == 0) commas.Add(close);
            }
            if (close < s.Length && commas.Count > 0) return true;
        }
        close = -1;
        return false;
    }
}
