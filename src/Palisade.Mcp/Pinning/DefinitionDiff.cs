using System.Text;

namespace Palisade.Mcp.Pinning;

/// <summary>
/// A line diff of two canonical definitions, for a person deciding whether to approve a change: unchanged lines
/// with two spaces, removed with <c>- </c>, added with <c>+ </c>. Definitions are small; past a size bound the
/// whole old and new text are shown instead of a minimal diff.
/// </summary>
public static class DefinitionDiff
{
    private const int MaxLines = 2000;

    public static string Unified(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var sb = new StringBuilder();
        if ((long)a.Length * b.Length > (long)MaxLines * MaxLines)
        {
            foreach (var line in a) sb.Append("- ").AppendLine(line);
            foreach (var line in b) sb.Append("+ ").AppendLine(line);
            return sb.ToString();
        }
        // Longest common subsequence table, then walk it forwards.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                sb.Append("  ").AppendLine(a[x]);
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                sb.Append("+ ").AppendLine(b[y++]);
            }
            else
            {
                sb.Append("- ").AppendLine(a[x++]);
            }
        }
        return sb.ToString();
    }
}
