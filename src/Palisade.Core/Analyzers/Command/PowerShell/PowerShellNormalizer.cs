using System.Text;

namespace Palisade.Core.Analyzers.Commands.PowerShell;

/// <summary>
/// Undoes PowerShell's cheap disguises: aliases (<c>iex</c>, <c>iwr</c>, <c>saps</c>), case, string concatenation
/// (<c>'Down'+'loadString'</c>) and the format operator (<c>'{1}{0}' -f 'X','IE'</c>).
/// </summary>
public static class PowerShellNormalizer
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["iex"] = "invoke-expression", ["iwr"] = "invoke-webrequest", ["irm"] = "invoke-restmethod", ["icm"] = "invoke-command",
        ["saps"] = "start-process", ["start"] = "start-process", ["sal"] = "set-alias", ["gc"] = "get-content", ["cat"] = "get-content",
        ["type"] = "get-content", ["ni"] = "new-item", ["ri"] = "remove-item", ["rm"] = "remove-item", ["del"] = "remove-item",
        ["erase"] = "remove-item", ["rd"] = "remove-item", ["rmdir"] = "remove-item", ["cpi"] = "copy-item", ["copy"] = "copy-item",
        ["cp"] = "copy-item", ["mi"] = "move-item", ["mv"] = "move-item", ["move"] = "move-item", ["sp"] = "set-itemproperty",
        ["gp"] = "get-itemproperty", ["gci"] = "get-childitem", ["ls"] = "get-childitem", ["dir"] = "get-childitem",
        ["iwmi"] = "invoke-wmimethod", ["gwmi"] = "get-wmiobject", ["echo"] = "write-output", ["write"] = "write-output",
        ["ipmo"] = "import-module", ["%"] = "foreach-object", ["foreach"] = "foreach-object", ["?"] = "where-object",
        ["where"] = "where-object", ["sls"] = "select-string", ["gcm"] = "get-command", ["nal"] = "new-alias", ["spps"] = "stop-process",
        ["kill"] = "stop-process", ["sv"] = "set-variable", ["set"] = "set-variable", ["gv"] = "get-variable", ["ac"] = "add-content",
        ["clc"] = "clear-content", ["sasv"] = "start-service", ["spsv"] = "stop-service", ["gsv"] = "get-service",
    };

    /// <summary>A word in command position: lower case, alias resolved.</summary>
    public static string Command(string word)
    {
        var lower = word.ToLowerInvariant();
        return Aliases.GetValueOrDefault(lower, lower);
    }

    /// <summary>Joins <c>'a' + 'b'</c> (also inside parentheses) and applies <c>'fmt' -f 'x','y'</c> when every part is a literal.</summary>
    public static List<PsToken> FoldStrings(List<PsToken> tokens)
    {
        if (!tokens.Any(t => t.Kind == PsTokenKind.Operator && t.Text == "+") && !tokens.Any(t => t.Kind == PsTokenKind.Word && t.Text.Equals("-f", StringComparison.OrdinalIgnoreCase)))
            return tokens;
        var result = new List<PsToken>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind == PsTokenKind.String && result.Count >= 2 && result[^1].Kind == PsTokenKind.Operator && result[^1].Text == "+" && result[^2].Kind == PsTokenKind.String)
            {
                var left = result[^2];
                result.RemoveRange(result.Count - 2, 2);
                result.Add(new PsToken(PsTokenKind.String, left.Text + t.Text, left.Start, t.End));
                continue;
            }
            if (t.Kind == PsTokenKind.Word && t.Text.Equals("-f", StringComparison.OrdinalIgnoreCase) && result.Count >= 1 && result[^1].Kind == PsTokenKind.String)
            {
                var args = new List<string>();
                var j = i + 1;
                while (j < tokens.Count && tokens[j].Kind == PsTokenKind.String)
                {
                    args.Add(tokens[j].Text);
                    j++;
                    if (j < tokens.Count && tokens[j].Kind == PsTokenKind.Operator && tokens[j].Text == ",") j++;
                    else break;
                }
                if (args.Count > 0 && Format(result[^1].Text, args) is { } formatted)
                {
                    var fmt = result[^1];
                    result[^1] = new PsToken(PsTokenKind.String, formatted, fmt.Start, tokens[j - 1].End);
                    i = j - 1;
                    continue;
                }
            }
            result.Add(t);
        }
        // ('a'+'b') with nothing else in the parentheses is just the string.
        for (var i = result.Count - 3; i >= 0; i--)
            if (result[i].Kind == PsTokenKind.Open && result[i].Text == "(" && result[i + 1].Kind == PsTokenKind.String && result[i + 2].Kind == PsTokenKind.Close && result[i + 2].Text == ")"
                && !(i > 0 && (result[i - 1].Kind is PsTokenKind.Close or PsTokenKind.String or PsTokenKind.Variable
                    || (result[i - 1].Kind == PsTokenKind.Word && result[i - 1].Text.StartsWith('.')))))
            {
                result[i] = result[i + 1];
                result.RemoveRange(i + 1, 2);
            }
        // .('Download'+'String')(…) is the member .DownloadString(…).
        for (var i = result.Count - 2; i >= 1; i--)
            if (result[i].Kind == PsTokenKind.Operator && result[i].Text == "." && result[i + 1].Kind == PsTokenKind.String
                && result[i - 1].Kind is PsTokenKind.Close or PsTokenKind.Variable or PsTokenKind.Word && result[i + 1].Text.All(c => char.IsLetterOrDigit(c) || c == '_'))
            {
                result[i] = new PsToken(PsTokenKind.Word, "." + result[i + 1].Text, result[i].Start, result[i + 1].End);
                result.RemoveAt(i + 1);
            }
        return result;
    }

    private static string? Format(string format, List<string> args)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '{') { sb.Append(format[i]); continue; }
            var close = format.IndexOf('}', i);
            if (close < 0 || !int.TryParse(format.AsSpan(i + 1, close - i - 1), out var n) || n < 0 || n >= args.Count) return null;
            sb.Append(args[n]);
            i = close;
        }
        return sb.ToString();
    }
}
