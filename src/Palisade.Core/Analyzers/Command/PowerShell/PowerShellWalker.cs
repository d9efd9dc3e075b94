using System.Text;

namespace Palisade.Core.Analyzers.Commands.PowerShell;

/// <summary>
/// Reads PowerShell: each statement becomes a <c>ps:</c> line (lower-cased, aliases resolved in command position,
/// backticks removed, string concatenations joined), each command in it is visited like any other command
/// (so <c>cmd /c</c>, <c>reg add</c>, <c>certutil</c> inside PowerShell meet the same rules), and code hidden in
/// strings (<c>IEX '…'</c>, <c>[ScriptBlock]::Create('…')</c>, <c>FromBase64String('…')</c>) is analysed in turn.
/// </summary>
public sealed class PowerShellWalker(CommandWalker walker)
{
    private const int MaxStatementChars = 8 * 1024;

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "if", "elseif", "else", "foreach", "for", "while", "do", "until", "switch", "try", "catch", "finally", "function", "filter",
        "param", "return", "throw", "break", "continue", "exit", "begin", "process", "end", "trap", "in", "class", "using",
    };

    public CommandFacts Walk(string text, int start, int length)
    {
        var tokens = PowerShellLexer.Tokenize(text, walker.Limits.MaxWords);
        if (tokens.Count >= walker.Limits.MaxWords) walker.Note("too many words", start, length);
        tokens = PowerShellNormalizer.FoldStrings(tokens);
        var facts = new CommandFacts();
        foreach (var statement in Statements(tokens)) facts.Merge(Statement(statement, start, length, 0));
        return facts;
    }

    /// <summary>
    /// Statements: split at <c>;</c> and newlines outside brackets. A script block stays with its statement (its
    /// separators kept, so its own statements can be split when the block is walked).
    /// </summary>
    private static IEnumerable<List<PsToken>> Statements(List<PsToken> tokens)
    {
        var current = new List<PsToken>();
        var depth = 0;
        foreach (var t in tokens)
        {
            if (t.Kind == PsTokenKind.Open) depth++;
            else if (t.Kind == PsTokenKind.Close) depth = Math.Max(0, depth - 1);
            if (t.Kind == PsTokenKind.Separator && depth == 0)
            {
                if (current.Count > 0) yield return current;
                current = [];
                continue;
            }
            current.Add(t);
        }
        if (current.Count > 0) yield return current;
    }

    private CommandFacts Statement(List<PsToken> tokens, int start, int length, int depth)
    {
        var facts = new CommandFacts();
        if (tokens.Count == 0 || depth > 16) return facts;
        var span = walker.Span(tokens[0].Start + start, tokens[^1].End + start);
        if (depth == 0) walker.Form.Add("ps", Render(tokens), span.Start, span.Length);
        var body = SkipAssignment(tokens);
        var stages = new List<CommandFacts>();
        var commandStages = true;
        foreach (var element in SplitPipes(body))
        {
            foreach (var group in Groups(element))
                foreach (var inner in Statements(group)) facts.Merge(Statement(inner, start, length, depth + 1));
            if (AsCommand(element) is { } argv)
            {
                var c = ArgvCommand.FromWords(argv);
                var stageFacts = walker.VisitCommand(c, span.Start, span.Length);
                Hidden(c, element, stageFacts, span);
                stages.Add(stageFacts);
            }
            else commandStages = false;
        }
        if (commandStages && stages.Count > 0) facts.Merge(walker.FinishPipeline(stages, span.Start, span.Length));
        else foreach (var s in stages) facts.Merge(s);
        Strings(tokens, facts, span);
        return facts;
    }

    /// <summary><c>$x = …</c>: the command is what follows the assignment.</summary>
    private static List<PsToken> SkipAssignment(List<PsToken> tokens)
    {
        var i = 0;
        while (i < tokens.Count && tokens[i].Kind is PsTokenKind.Variable or PsTokenKind.Word && i + 1 < tokens.Count && tokens[i + 1].Kind == PsTokenKind.Operator && tokens[i + 1].Text.EndsWith('='))
            i += 2;
        if (i == 0 && tokens.Count > 2 && tokens[0].Kind == PsTokenKind.Open && tokens[0].Text == "[")
        {
            var close = tokens.FindIndex(t => t.Kind == PsTokenKind.Close && t.Text == "]");
            if (close > 0 && close + 2 < tokens.Count && tokens[close + 1].Kind == PsTokenKind.Variable && tokens[close + 2].Text.EndsWith('=')) i = close + 3;
        }
        return i == 0 ? tokens : tokens.GetRange(i, tokens.Count - i);
    }

    private static IEnumerable<List<PsToken>> SplitPipes(List<PsToken> tokens)
    {
        var current = new List<PsToken>();
        var depth = 0;
        foreach (var t in tokens)
        {
            if (t.Kind == PsTokenKind.Open) depth++;
            else if (t.Kind == PsTokenKind.Close) depth = Math.Max(0, depth - 1);
            if (t.Kind == PsTokenKind.Pipe && depth == 0)
            {
                if (current.Count > 0) yield return current;
                current = [];
                continue;
            }
            current.Add(t);
        }
        if (current.Count > 0) yield return current;
    }

    /// <summary>The token lists inside top-level parentheses and subexpressions: commands can run there too.</summary>
    private static IEnumerable<List<PsToken>> Groups(List<PsToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != PsTokenKind.Open || tokens[i].Text is "[") continue;
            var depth = 0;
            var j = i;
            for (; j < tokens.Count; j++)
            {
                if (tokens[j].Kind == PsTokenKind.Open) depth++;
                else if (tokens[j].Kind == PsTokenKind.Close && --depth == 0) break;
            }
            if (j > i + 1) yield return tokens.GetRange(i + 1, Math.Min(j, tokens.Count) - i - 1);
            i = j;
        }
    }

    /// <summary>The argument vector of a pipeline element that runs a command (cmdlet, alias, program, <c>&amp; 'path'</c>), or null.</summary>
    private static List<string>? AsCommand(List<PsToken> element)
    {
        var i = 0;
        if (element[0].Kind == PsTokenKind.Operator && element[0].Text is "&" or "." && element.Count > 1) i = 1;
        var head = element[i];
        if (head.Kind is not (PsTokenKind.Word or PsTokenKind.String)) return null;
        if (head.Kind == PsTokenKind.Word && (Keywords.Contains(head.Text) || head.Text.StartsWith('-') || head.Text.StartsWith('.') && i == 0 && !head.Text.StartsWith(".\\") || char.IsDigit(head.Text[0]))) return null;
        if (head.Kind == PsTokenKind.String && i == 0) return null;
        var argv = new List<string> { head.Kind == PsTokenKind.Word ? PowerShellNormalizer.Command(head.Text) : head.Text };
        var depth = 0;
        var group = new StringBuilder();
        for (var k = i + 1; k < element.Count; k++)
        {
            var t = element[k];
            if (t.Kind == PsTokenKind.Open) depth++;
            if (depth > 0)
            {
                if (group.Length > 0 && t.Kind != PsTokenKind.Close && group[^1] is not ('(' or '[' or '{')) group.Append(' ');
                group.Append(t.Kind == PsTokenKind.String ? "'" + t.Text + "'" : t.Text);
                if (t.Kind == PsTokenKind.Close && --depth == 0) { argv.Add(group.ToString()); group.Clear(); }
                continue;
            }
            if (t.Kind == PsTokenKind.Operator && t.Text == ",") continue;
            argv.Add(t.Text);
        }
        if (group.Length > 0) argv.Add(group.ToString());
        return argv;
    }

    /// <summary>Code inside strings: <c>Invoke-Expression 'code'</c>, <c>Start-Process x -ArgumentList '…'</c>.</summary>
    private void Hidden(ArgvCommand c, List<PsToken> element, CommandFacts facts, (int Start, int Length) span)
    {
        switch (c.Program)
        {
            case "invoke-expression" or "invoke-command":
                // Only a literal given as the argument itself is code; strings deeper in the element are its data.
                var at = element.FindIndex(t => t.Kind == PsTokenKind.Word) + 1;
                while (at < element.Count && element[at].Kind == PsTokenKind.Word && element[at].Text.StartsWith('-')) at++;
                if (at < element.Count && element[at].Kind == PsTokenKind.String)
                    facts.Merge(walker.WalkNested(element[at].Text, ScriptDialect.PowerShell, span.Start, span.Length));
                break;
            case "start-process":
                var args = c.Args.Where(a => !a.StartsWith('-')).ToList();
                if (args.Count == 0) break;
                var argv = new List<string> { args[0] };
                foreach (var a in args.Skip(1)) argv.AddRange(a.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                facts.Merge(walker.VisitCommand(ArgvCommand.FromWords(argv), span.Start, span.Length, outermost: false));
                break;
        }
    }

    /// <summary>Strings that hold code or URLs: base64 payloads, script blocks, WebClient downloads.</summary>
    private void Strings(List<PsToken> tokens, CommandFacts facts, (int Start, int Length) span)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != PsTokenKind.Word) continue;
            var w = tokens[i].Text.ToLowerInvariant();
            var arg = NextString(tokens, i);
            if (arg is null) continue;
            if (w.EndsWith("frombase64string", StringComparison.Ordinal) && PowerShellCommandLine.Decode(arg) is { } decoded && decoded.Length > 0 && decoded.All(ch => !char.IsControl(ch) || char.IsWhiteSpace(ch)))
            {
                walker.Flow("decoded-payload powershell", span.Start, span.Length);
                facts.Merge(walker.WalkNested(decoded, ScriptDialect.PowerShell, span.Start, span.Length));
            }
            else if (w.EndsWith("::create", StringComparison.Ordinal))
                facts.Merge(walker.WalkNested(arg, ScriptDialect.PowerShell, span.Start, span.Length));
            else if (w.StartsWith(".download", StringComparison.Ordinal) || w.StartsWith(".upload", StringComparison.Ordinal) || w is ".openread" or ".getstringasync" or ".getasync")
                if (CommandWalker.UrlIn(arg) is { } url) walker.Request(url, w.StartsWith(".upload", StringComparison.Ordinal) ? "POST" : "GET", span.Start, span.Length);
        }
    }

    /// <summary>The string literal right after token <paramref name="i"/>, skipping an opening parenthesis.</summary>
    private static string? NextString(List<PsToken> tokens, int i)
    {
        var j = i + 1;
        if (j < tokens.Count && tokens[j].Kind == PsTokenKind.Open && tokens[j].Text == "(") j++;
        return j < tokens.Count && tokens[j].Kind == PsTokenKind.String ? tokens[j].Text : null;
    }

    /// <summary>A statement as rules read it: lower case, command-position aliases resolved, strings in single quotes.</summary>
    private static string Render(List<PsToken> tokens)
    {
        var sb = new StringBuilder();
        PsToken? prev = null;
        var commandPosition = true;
        foreach (var t in tokens)
        {
            if (sb.Length > MaxStatementChars) { sb.Append(" …"); break; }
            if (prev is { } p && NeedsSpace(p, t)) sb.Append(' ');
            var text = t.Kind switch
            {
                PsTokenKind.String => "'" + t.Text + "'",
                PsTokenKind.Separator => ";",
                PsTokenKind.Word when commandPosition => PowerShellNormalizer.Command(t.Text),
                _ => t.Text,
            };
            if (t.Kind is PsTokenKind.Pipe or PsTokenKind.Separator) sb.Append(text);
            else ArgvNormalizer.AppendEscaped(sb, text.ToLowerInvariant());
            commandPosition = t.Kind is PsTokenKind.Pipe or PsTokenKind.Open or PsTokenKind.Separator || (t.Kind == PsTokenKind.Operator && t.Text is "&" or "." or "=");
            prev = t;
        }
        return sb.ToString();
    }

    private static bool NeedsSpace(PsToken prev, PsToken t)
    {
        if (prev.Kind == PsTokenKind.Open || t.Kind == PsTokenKind.Close) return false;
        if (t.Kind == PsTokenKind.Word && (t.Text.StartsWith('.') || t.Text.StartsWith("::")) && prev.Kind is PsTokenKind.Close or PsTokenKind.Variable or PsTokenKind.Word) return false;
        if (t.Kind == PsTokenKind.Open && t.Text == "(" && prev.Kind == PsTokenKind.Word && (prev.Text.StartsWith('.') || prev.Text.StartsWith("::"))) return false;
        return true;
    }
}
