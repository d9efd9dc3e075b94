using System.Net;
using System.Text;

namespace Palisade.Gateway.Egress.Fetch;

/// <summary>
/// HTML to readable text: tags dropped, block elements become line breaks, entities decoded, whitespace collapsed.
/// What a reader never sees is dropped with its content: scripts, styles, templates, noscript, comments, head metadata.
/// One pass, linear in the input.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "noscript", "svg", "head" };
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "header",
        "footer", "nav", "pre", "blockquote", "hr", "title", "dt", "dd", "main", "aside", "form", "figure", "figcaption",
    };

    public static string Convert(string html)
    {
        var sb = new StringBuilder(html.Length / 2);
        var text = new StringBuilder();
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0) lt = html.Length;
            text.Append(html, i, lt - i);
            if (lt >= html.Length) break;
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }
            var gt = html.IndexOf('>', lt + 1);
            if (gt < 0) break;
            var name = TagName(html, lt + 1, gt, out var closing);
            if (!closing && Dropped.Contains(name) && html[gt - 1] != '/')
            {
                var close = html.IndexOf("</" + name, gt + 1, StringComparison.OrdinalIgnoreCase);
                var closeEnd = close < 0 ? -1 : html.IndexOf('>', close);
                i = closeEnd < 0 ? html.Length : closeEnd + 1;
                continue;
            }
            if (Blocks.Contains(name)) Flush(sb, text, newline: true);
            i = gt + 1;
        }
        Flush(sb, text, newline: false);
        return sb.ToString().Trim();
    }

    private static string TagName(string html, int start, int end, out bool closing)
    {
        closing = start < end && html[start] == '/';
        if (closing) start++;
        var stop = start;
        while (stop < end && (char.IsAsciiLetterOrDigit(html[stop]) || html[stop] == '-')) stop++;
        return html[start..stop];
    }

    private static void Flush(StringBuilder sb, StringBuilder text, bool newline)
    {
        if (text.Length > 0)
        {
            var decoded = WebUtility.HtmlDecode(text.ToString());
            var lastSpace = sb.Length == 0 || char.IsWhiteSpace(sb[^1]);
            foreach (var c in decoded)
            {
                if (char.IsWhiteSpace(c))
                {
                    if (!lastSpace) sb.Append(' ');
                    lastSpace = true;
                }
                else
                {
                    sb.Append(c);
                    lastSpace = false;
                }
            }
            text.Clear();
        }
        if (newline && sb.Length > 0 && sb[^1] != '\n')
        {
            while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
            sb.Append('\n');
        }
    }
}
