namespace Palisade.Core.Analyzers.Commands.Posix;

/// <summary>
/// A recursive-descent parser for POSIX sh and bash: lists, pipelines, compound commands, functions, redirections
/// and here-documents; words (quoting, expansions, substitutions) are read by the other half of this class.
/// It never throws on input: what it cannot read is recorded in <see cref="ShellParseResult.Problems"/> and
/// parsing goes on with what it has. Work is linear in the input and bounded by <see cref="CommandLimits"/>.
/// </summary>
public sealed partial class ShellParser
{
    private static readonly HashSet<string> NoStops = [];
    private static readonly HashSet<string> ThenStop = ["then"];
    private static readonly HashSet<string> IfBodyStops = ["elif", "else", "fi"];
    private static readonly HashSet<string> FiStop = ["fi"];
    private static readonly HashSet<string> DoStop = ["do"];
    private static readonly HashSet<string> DoneStop = ["done"];
    private static readonly HashSet<string> GroupStop = ["}"];
    private static readonly HashSet<string> CaseItemStops = ["esac", ";;"];

    private readonly string _s;
    private readonly CommandLimits _limits;
    private readonly List<string> _problems;
    private readonly Queue<(Redirection Redirect, string Delimiter, bool StripTabs)> _pendingHereDocs = new();
    private readonly int _baseDepth;
    private int _pos;
    private int _nest;

    private ShellParser(string text, CommandLimits limits, List<string> problems, int baseDepth)
    {
        _s = text;
        _limits = limits;
        _problems = problems;
        _baseDepth = baseDepth;
    }

    public static ShellParseResult Parse(string text, CommandLimits? limits = null)
    {
        var problems = new List<string>();
        var parser = new ShellParser(text, limits ?? CommandLimits.Default, problems, 0);
        var script = parser.ParseScript(NoStops, closeParen: false);
        while (!parser.AtEnd)
        {
            // A stray ')' or stop word at the top: note it and read on, so nothing after it goes unseen.
            parser.Problem($"unexpected '{parser.Cur}'");
            parser._pos++;
            var more = parser.ParseScript(NoStops, closeParen: false);
            script = new ShellScript([.. script.Items, .. more.Items]);
        }
        return new ShellParseResult(script, problems);
    }

    private bool AtEnd => _pos >= _s.Length;
    private char Cur => _pos < _s.Length ? _s[_pos] : '\0';
    private char Peek(int ahead) => _pos + ahead < _s.Length ? _s[_pos + ahead] : '\0';
    private int Depth => _baseDepth + _nest;

    private void Problem(string what)
    {
        if (_problems.Count < 16) _problems.Add(what);
    }

    /// <summary>Gives up on the rest of the text (a limit was reached): it is reported, never silently dropped.</summary>
    private void Abandon(string why)
    {
        Problem(why);
        _pos = _s.Length;
        _pendingHereDocs.Clear();
    }

    private ShellScript ParseScript(HashSet<string> stops, bool closeParen)
    {
        var items = new List<ShellAndOr>();
        while (true)
        {
            SkipSeparators(newlines: true);
            if (AtEnd)
            {
                if (closeParen) Problem("unterminated '('");
                break;
            }
            if (Cur == ')')
            {
                if (closeParen) { _pos++; break; }
                if (_nest > 0) break;
            }
            if (stops.Contains(";;") && Cur == ';' && Peek(1) == ';') break;
            if (stops.Count > 0 && PeekReserved() is { } word && stops.Contains(word)) break;
            var start = _pos;
            var item = ParseAndOr();
            if (item is not null) items.Add(item);
            if (_pos == start)
            {
                if (Cur == ')' && !closeParen) break;
                Problem($"unexpected '{Cur}'");
                _pos++;
            }
        }
        return new ShellScript(items);
    }

    private ShellAndOr? ParseAndOr()
    {
        var pipelines = new List<ShellPipeline>(1);
        List<string>? ops = null;
        var first = ParsePipeline();
        if (first is null) return null;
        pipelines.Add(first);
        while (true)
        {
            SkipBlanks();
            var op = Cur == '&' && Peek(1) == '&' ? "&&" : Cur == '|' && Peek(1) == '|' ? "||" : null;
            if (op is null) break;
            _pos += 2;
            SkipSeparators(newlines: true, semicolons: false);
            var next = ParsePipeline();
            if (next is null) break;
            (ops ??= []).Add(op);
            pipelines.Add(next);
        }
        SkipBlanks();
        var background = false;
        if (Cur == '&' && Peek(1) != '&' && Peek(1) != '>') { _pos++; background = true; }
        else if (Cur == ';' && Peek(1) != ';') _pos++;
        return new ShellAndOr(pipelines, ops ?? (IReadOnlyList<string>)[], background);
    }

    private ShellPipeline? ParsePipeline()
    {
        SkipBlanks();
        var start = _pos;
        var negated = false;
        if (PeekReserved() == "!") { _pos++; negated = true; SkipBlanks(); }
        var commands = new List<ShellCommand>(1);
        var first = ParseCommand();
        if (first is null) return negated ? new ShellPipeline([], true, start, _pos) : null;
        commands.Add(first);
        while (true)
        {
            SkipBlanks();
            if (Cur != '|' || Peek(1) == '|') break;
            _pos += Peek(1) == '&' ? 2 : 1;
            SkipSeparators(newlines: true, semicolons: false);
            var next = ParseCommand();
            if (next is null) break;
            commands.Add(next);
        }
        return new ShellPipeline(commands, negated, start, commands[^1].End);
    }

    private ShellCommand? ParseCommand()
    {
        SkipBlanks();
        if (AtEnd) return null;
        if (Depth > _limits.MaxParseDepth) { Abandon("nested too deeply"); return null; }
        var start = _pos;
        if (Cur == '(')
        {
            if (Peek(1) == '(') return WithRedirects(new CompoundCommand(CompoundKind.Arithmetic, [], [new ShellWord([new ArithPart(ReadArithmetic(2))], start, _pos)], [], start, _pos));
            _pos++;
            var body = Nested(() => ParseScript(NoStops, closeParen: true));
            return WithRedirects(new CompoundCommand(CompoundKind.Subshell, [body], [], [], start, _pos));
        }
        switch (PeekReserved())
        {
            case "{": _pos++; return WithRedirects(Compound(CompoundKind.Group, start, [Nested(() => ParseScript(GroupStop, false))], "}"));
            case "if": return WithRedirects(ParseIf(start));
            case "while": return WithRedirects(ParseLoop(CompoundKind.While, start));
            case "until": return WithRedirects(ParseLoop(CompoundKind.Until, start));
            case "for": return WithRedirects(ParseFor(start));
            case "case": return WithRedirects(ParseCase(start));
            case "function": return ParseFunctionKeyword(start);
            case "[[": return ParseDoubleBracket(start);
        }
        return ParseSimple(start);
    }

    private T Nested<T>(Func<T> parse)
    {
        _nest++;
        try { return parse(); }
        finally { _nest--; }
    }

    private CompoundCommand Compound(CompoundKind kind, int start, IReadOnlyList<ShellScript> bodies, string closer, IReadOnlyList<ShellWord>? words = null)
    {
        Expect(closer);
        return new CompoundCommand(kind, bodies, words ?? [], [], start, _pos);
    }

    private ShellCommand WithRedirects(CompoundCommand c)
    {
        List<Redirection>? redirects = null;
        while (true)
        {
            SkipBlanks();
            if (!AtRedirect()) break;
            (redirects ??= []).Add(ParseRedirect());
        }
        return redirects is null ? c : c with { Redirects = redirects, End = _pos };
    }

    private void Expect(string word)
    {
        SkipSeparators(newlines: true);
        if (PeekReserved() == word) _pos += word.Length;
        else Problem($"expected '{word}'");
    }

    /// <summary>The reserved word at the cursor, if a plain one stands there (followed by a blank, operator or end).</summary>
    private string? PeekReserved()
    {
        var end = _pos;
        while (end < _s.Length && !IsWordBreak(_s[end]) && end - _pos < 9) end++;
        if (end == _pos)
            return null;
        if (end < _s.Length && !IsWordBreak(_s[end])) return null;
        var word = _s.AsSpan(_pos, end - _pos);
        return word switch
        {
            "{" or "}" or "!" or "if" or "then" or "elif" or "else" or "fi" or "while" or "until" or "for" or "in" or "do" or "done"
                or "case" or "esac" or "function" or "[[" => word.ToString(),
            _ => null,
        };
    }

    private static bool IsWordBreak(char c) => c is ' ' or '\t' or '\n' or '\r' or ';' or '&' or '|' or '<' or '>' or '(' or ')';

    private void SkipBlanks()
    {
        while (!AtEnd)
        {
            var c = Cur;
            if (c is ' ' or '\t' or '\r') _pos++;
            else if (c == '\\' && Peek(1) == '\n') _pos += 2;
            else if (c == '\\' && Peek(1) == '\r' && Peek(2) == '\n') _pos += 3;
            else if (c == '#') SkipComment();
            else break;
        }
    }

    private void SkipComment()
    {
        while (!AtEnd && Cur != '\n') _pos++;
    }

    private void SkipSeparators(bool newlines, bool semicolons = true)
    {
        while (true)
        {
            SkipBlanks();
            if (AtEnd) return;
            if (newlines && Cur == '\n') { _pos++; ReadHereDocBodies(); }
            else if (semicolons && Cur == ';' && Peek(1) != ';') _pos++;
            else return;
        }
    }

    /// <summary>After a newline: the bodies of here-documents opened on the line before, in order.</summary>
    private void ReadHereDocBodies()
    {
        while (_pendingHereDocs.Count > 0)
        {
            var (redirect, delimiter, stripTabs) = _pendingHereDocs.Dequeue();
            var body = new System.Text.StringBuilder();
            while (!AtEnd)
            {
                var eol = _s.IndexOf('\n', _pos);
                var lineEnd = eol < 0 ? _s.Length : eol;
                var line = _s.AsSpan(_pos, lineEnd - _pos).TrimEnd('\r');
                if (stripTabs) line = line.TrimStart('\t');
                _pos = eol < 0 ? _s.Length : eol + 1;
                if (line.SequenceEqual(delimiter)) break;
                body.Append(line).Append('\n');
            }
            redirect.HereDocBody = body.ToString();
        }
    }
}
