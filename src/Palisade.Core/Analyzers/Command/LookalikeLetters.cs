using Palisade.Core.Text.Folding;

namespace Palisade.Core.Analyzers.Commands;

/// <summary>
/// A command line whose words mix Latin letters with Cyrillic, Greek or Armenian look-alikes (<c>cаt /еtc/pаsswd</c>
/// with a Cyrillic а and е) is judged as the line it looks like. No shell runs such a word as the Latin one, so the line
/// is either written to slip past a filter or to fool the person approving it; either way it must not pass as an
/// unknown, harmless command. Words wholly in another script (a Russian file name) are left as they are.
/// </summary>
internal static class LookalikeLetters
{
    /// <summary>The line with look-alikes inside mixed-script words mapped to Latin; the same string when there are none.</summary>
    public static string Fold(string line) => Fold(line, out _);

    /// <summary>
    /// As <see cref="Fold(string)"/>; <paramref name="disguised"/> is true when a folded word sits in a command name (the
    /// first word of the line or after <c>| ; &amp; (</c>) or in a path (a word with a slash). There the look-alike can
    /// only be a disguise: the word as written names no program or file. A mixed word inside a message (an inflected
    /// brand name in a commit message) is folded but not called a disguise.
    /// </summary>
    public static string Fold(string line, out bool disguised)
    {
        disguised = false;
        char[]? folded = null;
        for (var start = 0; start < line.Length;)
        {
            if (!char.IsLetter(line[start])) { start++; continue; }
            var end = start;
            bool latin = false, lookalike = false;
            for (; end < line.Length && char.IsLetter(line[end]); end++)
            {
                var script = Confusables.ScriptOf(line[end]);
                latin |= script == LetterScript.Latin;
                lookalike |= script == LetterScript.Lookalike;
            }
            if (latin && lookalike)
            {
                folded ??= line.ToCharArray();
                for (var i = start; i < end; i++)
                    if (Confusables.TryMapForeign(line[i], out var mapped)) folded[i] = mapped;
                disguised |= InCommandOrPath(line, start, end);
            }
            start = end;
        }
        return folded is null ? line : new string(folded);
    }

    /// <summary>Whether the shell word around [start, end) is a command name or a path.</summary>
    private static bool InCommandOrPath(string line, int start, int end)
    {
        var wordStart = start;
        while (wordStart > 0 && !IsWordBreak(line[wordStart - 1])) wordStart--;
        var wordEnd = end;
        while (wordEnd < line.Length && !IsWordBreak(line[wordEnd])) wordEnd++;
        if (line.AsSpan(wordStart, wordEnd - wordStart).IndexOfAny('/', '\\') >= 0) return true;
        var before = wordStart - 1;
        while (before >= 0 && line[before] is ' ' or '\t') before--;
        return before < 0 || line[before] is '|' or ';' or '&' or '(' or '\n' or '`' or '{';
    }

    private static bool IsWordBreak(char c) => char.IsWhiteSpace(c) || c is '|' or ';' or '&' or '(' or ')' or '`' or '{' or '}' or '"' or '\'';
}
