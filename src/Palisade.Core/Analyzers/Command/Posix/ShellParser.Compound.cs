namespace Palisade.Core.Analyzers.Commands.Posix;

/// <summary>Compound commands: <c>if</c>, <c>while</c>/<c>until</c>, <c>for</c>, <c>case</c>, <c>function</c>, <c>[[ … ]]</c>.</summary>
public sealed partial class ShellParser
{
    private CompoundCommand ParseIf(int start)
    {
        _pos += 2;
        var bodies = new List<ShellScript>();
        Nested(() =>
        {
            bodies.Add(ParseScript(ThenStop, false));
            Expect("then");
            bodies.Add(ParseScript(IfBodyStops, false));
            while (true)
            {
                var word = PeekReserved();
                if (word == "elif")
                {
                    _pos += 4;
                    bodies.Add(ParseScript(ThenStop, false));
                    Expect("then");
                    bodies.Add(ParseScript(IfBodyStops, false));
                }
                else if (word == "else")
                {
                    _pos += 4;
                    bodies.Add(ParseScript(FiStop, false));
                }
                else break;
            }
            return 0;
        });
        return Compound(CompoundKind.If, start, bodies, "fi");
    }

    private CompoundCommand ParseLoop(CompoundKind kind, int start)
    {
        _pos += 5; // "while" and "until" are both five letters
        var condition = Nested(() => ParseScript(DoStop, false));
        return ParseDoDone(kind, start, [condition], []);
    }

    private CompoundCommand ParseDoDone(CompoundKind kind, int start, List<ShellScript> bodies, IReadOnlyList<ShellWord> words)
    {
        SkipSeparators(newlines: true);
        if (PeekReserved() == "{")
        {
            // bash accepts `for x in y; { …; }` as well.
            _pos++;
            bodies.Add(Nested(() => ParseScript(GroupStop, false)));
            return Compound(kind, start, bodies, "}", words);
        }
        Expect("do");
        bodies.Add(Nested(() => ParseScript(DoneStop, false)));
        return Compound(kind, start, bodies, "done", words);
    }

    private CompoundCommand ParseFor(int start)
    {
        _pos += 3;
        SkipBlanks();
        var words = new List<ShellWord>();
        if (Cur == '(' && Peek(1) == '(')
        {
            words.Add(new ShellWord([new ArithPart(ReadArithmetic(2))], _pos, _pos));
        }
        else
        {
            if (ReadWord() is { } name) words.Add(name);
            SkipSeparators(newlines: true, semicolons: false);
            if (PeekReserved() == "in")
            {
                _pos += 2;
                while (true)
                {
                    SkipBlanks();
                    if (AtEnd || Cur is '\n' or ';') break;
                    if (ReadWord() is not { } w) break;
                    words.Add(w);
                }
            }
        }
        return ParseDoDone(CompoundKind.For, start, [], words);
    }

    private CompoundCommand ParseCase(int start)
    {
        _pos += 4;
        SkipBlanks();
        var words = new List<ShellWord>();
        if (ReadWord() is { } subject) words.Add(subject);
        SkipSeparators(newlines: true);
        Expect("in");
        var bodies = new List<ShellScript>();
        while (true)
        {
            SkipSeparators(newlines: true);
            if (AtEnd) { Problem("unterminated 'case'"); break; }
            if (PeekReserved() == "esac") { _pos += 4; break; }
            if (Cur == '(') _pos++;
            // Patterns: words separated by '|', up to ')'.
            while (!AtEnd && Cur != ')')
            {
                SkipBlanks();
                if (Cur == '|') { _pos++; continue; }
                if (Cur == ')') break;
                if (ReadWord() is { } pattern) words.Add(pattern);
                else if (!AtEnd && Cur != ')') _pos++;
            }
            if (AtEnd) { Problem("unterminated 'case'"); break; }
            _pos++;
            bodies.Add(Nested(() => ParseScript(CaseItemStops, false)));
            if (Cur == ';' && Peek(1) == ';') _pos += Peek(2) == '&' ? 3 : 2;
            else if (Cur == ';' && Peek(1) == '&') _pos += 2;
        }
        return new CompoundCommand(CompoundKind.Case, bodies, words, [], start, _pos);
    }

    private ShellCommand? ParseFunctionKeyword(int start)
    {
        _pos += 8;
        SkipBlanks();
        var name = ReadWord()?.Literal ?? "";
        SkipBlanks();
        if (Cur == '(' && Peek(1) == ')') _pos += 2;
        SkipSeparators(newlines: true, semicolons: false);
        var body = ParseCommand();
        return body is null ? null : new FunctionDefinition(name, body, start, _pos);
    }

    /// <summary><c>[[ … ]]</c>: its <c>&amp;&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are operators of the test, not of the shell.</summary>
    private ShellCommand ParseDoubleBracket(int start)
    {
        var words = new List<ShellWord>();
        while (true)
        {
            SkipBlanks();
            if (AtEnd || Cur == '\n') { Problem("unterminated '[['"); break; }
            var wordStart = _pos;
            var w = ReadWord();
            if (w is null)
            {
                var op = _s[_pos] is '&' or '|' && Peek(1) == _s[_pos] ? 2 : 1;
                words.Add(new ShellWord([new LiteralPart(_s.Substring(_pos, op), QuoteKind.None)], _pos, _pos + op));
                _pos += op;
                continue;
            }
            words.Add(w);
            if (_s.AsSpan(wordStart, _pos - wordStart).SequenceEqual("]]")) break;
        }
        return new SimpleCommand([], words, [], start, _pos);
    }
}
