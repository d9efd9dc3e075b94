using System.Text;

namespace Palisade.Cli.Setup;

/// <summary>A line diff in the unified format (<c>diff -u</c>), for <c>--dry-run</c> to show what setup would change.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>Configuration files are small; past this many cells the diff is shown as a whole-file replacement.</summary>
    private const long MaxTableCells = 4_000_000;

    private enum Op { Same, Delete, Insert }

    /// <summary>The diff from <paramref name="before"/> to <paramref name="after"/>; empty when they are equal.</summary>
    public static string Create(string before, string after, string oldLabel, string newLabel)
    {
        if (before == after) return "";
        var a = SplitLines(before);
        var b = SplitLines(after);
        var edits = Edits(a, b);
        var sb = new StringBuilder();
        sb.Append("--- ").Append(oldLabel).Append('\n');
        sb.Append("+++ ").Append(newLabel).Append('\n');
        foreach (var (start, end) in Hunks(edits))
        {
            // Line numbers of the hunk's first line in each file (1-based; 0 when a side is empty).
            int oldLine = 1, newLine = 1;
            for (var i = 0; i < start; i++)
            {
                if (edits[i].Op != Op.Insert) oldLine++;
                if (edits[i].Op != Op.Delete) newLine++;
            }
            var oldCount = 0;
            var newCount = 0;
            for (var i = start; i < end; i++)
            {
                if (edits[i].Op != Op.Insert) oldCount++;
                if (edits[i].Op != Op.Delete) newCount++;
            }
            sb.Append("@@ -").Append(Range(oldLine, oldCount)).Append(" +").Append(Range(newLine, newCount)).Append(" @@\n");
            for (var i = start; i < end; i++)
                sb.Append(edits[i].Op switch { Op.Delete => '-', Op.Insert => '+', _ => ' ' }).Append(edits[i].Line).Append('\n');
        }
        return sb.ToString();
    }

    private static string Range(int line, int count) => count switch
    {
        0 => $"{line - 1},0",
        1 => $"{line}",
        _ => $"{line},{count}",
    };

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0) return [];
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    /// <summary>The shortest edit script by longest common subsequence over lines.</summary>
    private static List<(Op Op, string Line)> Edits(string[] a, string[] b)
    {
        var edits = new List<(Op, string)>(a.Length + b.Length);
        // Common head and tail are cheap to strip and keep the table small for the usual one-block change.
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)]) tail++;
        for (var i = 0; i < head; i++) edits.Add((Op.Same, a[i]));
        var midA = a[head..(a.Length - tail)];
        var midB = b[head..(b.Length - tail)];
        if ((long)midA.Length * midB.Length > MaxTableCells)
        {
            foreach (var line in midA) edits.Add((Op.Delete, line));
            foreach (var line in midB) edits.Add((Op.Insert, line));
        }
        else
        {
            var lcs = new int[midA.Length + 1, midB.Length + 1];
            for (var i = midA.Length - 1; i >= 0; i--)
                for (var j = midB.Length - 1; j >= 0; j--)
                    lcs[i, j] = midA[i] == midB[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            int x = 0, y = 0;
            while (x < midA.Length || y < midB.Length)
            {
                if (x < midA.Length && y < midB.Length && midA[x] == midB[y]) { edits.Add((Op.Same, midA[x])); x++; y++; }
                // Deletions before insertions on a tie, as diff -u prints a replaced block.
                else if (x < midA.Length && (y == midB.Length || lcs[x + 1, y] >= lcs[x, y + 1])) edits.Add((Op.Delete, midA[x++]));
                else edits.Add((Op.Insert, midB[y++]));
            }
        }
        for (var i = a.Length - tail; i < a.Length; i++) edits.Add((Op.Same, a[i]));
        return edits;
    }

    /// <summary>Groups changes with up to three lines of context, merging groups whose context would overlap.</summary>
    private static IEnumerable<(int Start, int End)> Hunks(List<(Op Op, string Line)> edits)
    {
        var i = 0;
        while (i < edits.Count)
        {
            while (i < edits.Count && edits[i].Op == Op.Same) i++;
            if (i == edits.Count) yield break;
            var start = Math.Max(0, i - Context);
            var end = i;
            while (end < edits.Count)
            {
                if (edits[end].Op != Op.Same) { end++; continue; }
                var run = 0;
                while (end + run < edits.Count && edits[end + run].Op == Op.Same) run++;
                if (end + run == edits.Count || run > 2 * Context) { end += Math.Min(run, Context); break; }
                end += run;
            }
            yield return (start, end);
            i = end;
        }
    }
}
