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
    public static string Fold(string line)
    {
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
            }
            start = end;
        }
        return folded is null ? line : new string(folded);
    }
}
