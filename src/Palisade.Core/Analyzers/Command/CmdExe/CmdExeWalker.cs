using System.Text;

namespace Palisade.Core.Analyzers.Commands.CmdExe;

/// <summary>
/// Reads cmd.exe lines: <c>&amp;</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>|</c> and parentheses outside double quotes,
/// <c>^</c> escapes, redirections, <c>if …</c> and <c>for … do</c> prefixes. Backslashes are path separators here,
/// never escapes. Each command is visited like any other, so <c>powershell -enc</c> inside cmd is decoded too.
/// </summary>
public sealed class CmdExeWalker(CommandWalker walker)
{
    private readonly record struct Token(string Text, bool Quoted, int Start, int End, string? Operator);

    public CommandFacts Walk(string text, int start, int length)
    {
        var tokens = Tokenize(text, walker.Limits.MaxWords);
        if (tokens.Count >= walker.Limits.MaxWords) walker.Note("too many words", start, length);
        var facts = new CommandFacts();
        var stages = new List<CommandFacts>();
        var words = new List<Token>();
        var redirects = new List<RedirectSpec>();
        int pipelineStart = -1, pipelineEnd = 0;

        void EndCommand()
        {
            var argv = Strip(words);
            if (argv.Count > 0 || redirects.Count > 0)
            {
                var span = walker.Span(start + argv.FirstOrDefault().Start, start + (words.Count > 0 ? words[^1].End : pipelineEnd));
                if (pipelineStart < 0) pipelineStart = span.Start;
                var c = new ArgvCommand(argv.Select(t => t.Text).ToArray(), argv.Select(t => ArgvNormalizer.Escape(t.Text)).ToArray(), redirects.ToArray());
                stages.Add(walker.VisitCommand(c, span.Start, span.Length));
            }
            words.Clear();
            redirects.Clear();
        }
        void EndPipeline()
        {
            EndCommand();
            if (stages.Count > 0)
            {
                var span = walker.Span(pipelineStart, pipelineEnd + start);
                facts.Merge(walker.FinishPipeline(stages, span.Start, span.Length));
                walker.AfterCommand(facts);
            }
            stages.Clear();
            pipelineStart = -1;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            pipelineEnd = t.End;
            switch (t.Operator)
            {
                case null:
                    words.Add(t);
                    break;
                case "|":
                    EndCommand();
                    break;
                case "&" or "&&" or "||" or "\n" or "(" or ")":
                    EndPipeline();
                    break;
                default:
                    // "2>nul": the digit right before the operator is its descriptor, not a word.
                    int? fd = null;
                    if (words.Count > 0 && words[^1] is { Quoted: false, Text: [var d] } last && char.IsAsciiDigit(d) && last.End == t.Start)
                    {
                        fd = d - '0';
                        words.RemoveAt(words.Count - 1);
                    }
                    var target = i + 1 < tokens.Count && tokens[i + 1].Operator is null ? tokens[++i].Text : "";
                    redirects.Add(new RedirectSpec(fd, t.Operator, target, null));
                    break;
            }
        }
        EndPipeline();
        return facts;
    }

    /// <summary>Drops what is not the command: a leading <c>@</c>, <c>if [not] exist X</c> / <c>errorlevel N</c> / <c>a==b</c>, <c>for … do</c>.</summary>
    private static List<Token> Strip(List<Token> words)
    {
        var w = words.ToList();
        if (w.Count > 0 && w[0].Text.StartsWith('@') && !w[0].Quoted) w[0] = w[0] with { Text = w[0].Text[1..] };
        while (w.Count > 0 && w[0].Text.Length == 0) w.RemoveAt(0);
        if (w.Count > 0 && Is(w[0], "for"))
        {
            var doAt = w.FindIndex(t => Is(t, "do"));
            return doAt < 0 ? [] : Strip(w.Skip(doAt + 1).ToList());
        }
        if (w.Count > 0 && Is(w[0], "if"))
        {
            var i = 1;
            if (i < w.Count && Is(w[i], "/i")) i++;
            if (i < w.Count && Is(w[i], "not")) i++;
            if (i < w.Count && (Is(w[i], "exist") || Is(w[i], "errorlevel") || Is(w[i], "defined"))) i += 2;
            else if (i + 2 < w.Count && w[i + 1].Text is "==" or "equ" or "neq" or "lss" or "leq" or "gtr" or "geq") i += 3;
            else if (i < w.Count && w[i].Text.Contains("==")) i++;
            return Strip(w.Skip(i).ToList());
        }
        if (w.Count > 0 && (Is(w[0], "else") || Is(w[0], "call") || Is(w[0], "do"))) return Strip(w.Skip(1).ToList());
        return w;
    }

    private static bool Is(Token t, string word) => !t.Quoted && t.Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    private static List<Token> Tokenize(string s, int maxTokens)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length && tokens.Count < maxTokens)
        {
            var c = s[i];
            if (c is ' ' or '\t' or '\r') { i++; continue; }
            if (c == '^' && i + 1 < s.Length && s[i + 1] == '\n') { i += 2; continue; }
            var op = Operator(s, i);
            if (op is not null)
            {
                tokens.Add(new Token(op, false, i, i + op.Length, op));
                i += op.Length;
                continue;
            }
            var start = i;
            var sb = new StringBuilder();
            var quoted = false;
            var inQuote = false;
            while (i < s.Length)
            {
                c = s[i];
                if (c == '"') { inQuote = !inQuote; quoted = true; i++; continue; }
                if (!inQuote)
                {
                    if (c == '^' && i + 1 < s.Length) { sb.Append(s[i + 1]); i += 2; continue; }
                    if (c is ' ' or '\t' or '\r' or '\n' || Operator(s, i) is not null) break;
                }
                else if (c == '\n') break;
                sb.Append(c);
                i++;
            }
            tokens.Add(new Token(sb.ToString(), quoted, start, i, null));
        }
        return tokens;
    }

    private static string? Operator(string s, int i)
    {
        var c = s[i];
        if (c == '\n') return "\n";
        if (c == '&') return i + 1 < s.Length && s[i + 1] == '&' ? "&&" : "&";
        if (c == '|') return i + 1 < s.Length && s[i + 1] == '|' ? "||" : "|";
        if (c is '(' or ')') return c.ToString();
        if (c is '>' or '<')
        {
            if (c == '>' && i + 1 < s.Length && s[i + 1] == '>') return ">>";
            if (i + 2 < s.Length && s[i + 1] == '&' && char.IsAsciiDigit(s[i + 2])) return c + "&";
            return c.ToString();
        }
        return null;
    }
}
