using System.Text;

namespace Palisade.Core.Analyzers.Commands.Posix;

/// <summary>The lexical half: simple commands, redirections and words (quoting, parameters, substitutions).</summary>
public sealed partial class ShellParser
{
    private ShellCommand? ParseSimple(int start)
    {
        // Most commands have neither assignments nor redirections: those lists are made when the first one comes.
        List<Assignment>? assignments = null;
        var words = new List<ShellWord>();
        List<Redirection>? redirects = null;
        var end = start;
        while (true)
        {
            SkipBlanks();
            if (AtEnd) break;
            var c = Cur;
            if (c is '\n' or ';' or '|' or ')') break;
            if (c == '&' && Peek(1) != '>') break;
            if (AtRedirect()) { (redirects ??= []).Add(ParseRedirect()); end = _pos; continue; }
            if (c == '(')
            {
                if (words.Count == 1 && assignments is null && TryFunctionParens()) return ParseFunctionBody(words[0], start);
                Problem("unexpected '('");
                break;
            }
            var word = ReadWord();
            if (word is null) break;
            if (words.Count == 0 && AsAssignment(word) is { } assignment) (assignments ??= []).Add(assignment);
            else words.Add(word);
            end = _pos;
        }
        if (words.Count == 0 && assignments is null && redirects is null) return null;
        return new SimpleCommand(assignments ?? (IReadOnlyList<Assignment>)[], words, redirects ?? (IReadOnlyList<Redirection>)[], start, end);
    }

    private bool TryFunctionParens()
    {
        var save = _pos;
        _pos++;
        SkipBlanks();
        if (Cur == ')') { _pos++; return true; }
        _pos = save;
        return false;
    }

    private ShellCommand? ParseFunctionBody(ShellWord name, int start)
    {
        SkipSeparators(newlines: true, semicolons: false);
        var body = Nested(ParseCommand);
        return body is null ? null : new FunctionDefinition(name.Literal ?? "", body, start, _pos);
    }

    /// <summary><c>NAME=value</c> or <c>NAME+=value</c> at the start of a command; <c>NAME=(a b)</c> reads the array's words.</summary>
    private Assignment? AsAssignment(ShellWord word)
    {
        if (word.Parts is not [LiteralPart { Quote: QuoteKind.None } first, ..]) return null;
        var text = first.Text;
        var eq = text.IndexOf('=');
        if (eq <= 0) return null;
        var append = text[eq - 1] == '+';
        var name = text[..(append ? eq - 1 : eq)];
        if (!IsName(name)) return null;
        var rest = new List<WordPart>();
        if (eq + 1 < text.Length) rest.Add(new LiteralPart(text[(eq + 1)..], QuoteKind.None));
        rest.AddRange(word.Parts.Skip(1));
        if (rest.Count == 0 && Cur == '(')
        {
            _pos++;
            while (true)
            {
                SkipSeparators(newlines: true, semicolons: false);
                if (AtEnd || Cur == ')') break;
                if (ReadWord() is not { } element) { _pos++; continue; }
                if (rest.Count > 0) rest.Add(new LiteralPart(" ", QuoteKind.Single));
                rest.AddRange(element.Parts);
            }
            if (Cur == ')') _pos++;
            else Problem("unterminated array");
        }
        return new Assignment(name, rest.Count == 0 ? null : new ShellWord(rest, word.Start, _pos), append);
    }

    internal static bool IsName(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || !(char.IsAsciiLetter(s[0]) || s[0] == '_')) return false;
        foreach (var c in s)
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        return true;
    }

    private bool AtRedirect()
    {
        var p = _pos;
        while (p < _s.Length && char.IsAsciiDigit(_s[p]) && p - _pos < 4) p++;
        if (p >= _s.Length) return false;
        var c = _s[p];
        if (c is '<' or '>') return !(p == _pos && p + 1 < _s.Length && _s[p + 1] == '(');
        return p == _pos && c == '&' && p + 1 < _s.Length && _s[p + 1] == '>';
    }

    private static readonly string[] RedirectOps = ["&>>", "&>", "<<<", "<<-", "<<", "<&", "<>", ">>", ">&", ">|", "<", ">"];

    private Redirection ParseRedirect()
    {
        int? fd = null;
        var digits = _pos;
        while (!AtEnd && char.IsAsciiDigit(Cur)) _pos++;
        if (_pos > digits && int.TryParse(_s.AsSpan(digits, _pos - digits), out var n)) fd = n;
        var op = RedirectOps.First(o => _s.AsSpan(_pos).StartsWith(o));
        _pos += op.Length;
        SkipBlanks();
        var target = ReadWord();
        if (target is null) Problem($"'{op}' without a target");
        var redirect = new Redirection(fd, op, target);
        if (redirect.IsHereDoc && target is not null)
        {
            var delimiter = string.Concat(target.Parts.Select(p => p is LiteralPart l ? l.Text : p is ParamPart pp ? "$" + pp.Name : ""));
            redirect.HereDocQuoted = target.Parts.Any(p => p is LiteralPart { Quote: not QuoteKind.None });
            _pendingHereDocs.Enqueue((redirect, delimiter, op == "<<-"));
        }
        return redirect;
    }

    /// <summary>Reads one word at the cursor, or returns null when an operator or the end stands there.</summary>
    private ShellWord? ReadWord()
    {
        if (++_budget.Words > _limits.MaxWords) { Abandon("too many words"); return null; }
        var start = _pos;
        // Most words are plain text: take them as one slice, without the character-by-character machinery below.
        var plain = _pos;
        while (plain < _s.Length && !IsWordBreak(_s[plain]) && _s[plain] is not ('\\' or '\'' or '"' or '`' or '$')) plain++;
        if (plain > _pos && (plain == _s.Length || IsWordBreak(_s[plain])) && !(plain < _s.Length && _s[plain] is '<' or '>' && plain + 1 < _s.Length && _s[plain + 1] == '('))
        {
            _pos = plain;
            return new ShellWord([new LiteralPart(_s[start..plain], QuoteKind.None)], start, plain);
        }
        var parts = new List<WordPart>();
        var lit = new StringBuilder();
        var litQuote = QuoteKind.None;

        void Add(char ch, QuoteKind q)
        {
            if (lit.Length > 0 && litQuote != q) Flush();
            litQuote = q;
            lit.Append(ch);
        }
        void Flush()
        {
            if (lit.Length > 0) parts.Add(new LiteralPart(lit.ToString(), litQuote));
            lit.Clear();
        }
        void Part(WordPart part)
        {
            Flush();
            parts.Add(part);
        }

        while (!AtEnd)
        {
            var c = Cur;
            if (c is '<' or '>' && Peek(1) == '(')
            {
                _pos += 2;
                Part(new ProcessSubstPart(Nested(() => ParseScript(NoStops, closeParen: true)), c));
                continue;
            }
            if (IsWordBreak(c)) break;
            switch (c)
            {
                case '\\':
                    if (Peek(1) == '\n') _pos += 2;
                    else if (_pos + 1 < _s.Length) { Add(Peek(1), QuoteKind.Single); _pos += 2; }
                    else { Add('\\', QuoteKind.None); _pos++; }
                    break;
                case '\'':
                    _pos++;
                    var close = _s.IndexOf('\'', _pos);
                    if (close < 0) { Problem("unterminated single quote"); close = _s.Length; }
                    Flush();
                    parts.Add(new LiteralPart(_s[_pos..close], QuoteKind.Single));
                    _pos = Math.Min(close + 1, _s.Length);
                    break;
                case '"':
                    _pos++;
                    Flush();
                    ReadDoubleQuoted(parts);
                    break;
                case '`':
                    Part(ReadBackticks(QuoteKind.None));
                    break;
                case '$':
                    if (ReadDollar(QuoteKind.None) is { } dollar) Part(dollar);
                    else { Add('$', QuoteKind.None); _pos++; }
                    break;
                default:
                    Add(c, QuoteKind.None);
                    _pos++;
                    break;
            }
        }
        Flush();
        return _pos == start ? null : new ShellWord(parts, start, _pos);
    }

    private void ReadDoubleQuoted(List<WordPart> parts)
    {
        var lit = new StringBuilder();
        void Flush()
        {
            if (lit.Length > 0) parts.Add(new LiteralPart(lit.ToString(), QuoteKind.Double));
            lit.Clear();
        }
        while (true)
        {
            if (AtEnd) { Problem("unterminated double quote"); break; }
            var c = Cur;
            if (c == '"') { _pos++; break; }
            if (c == '\\')
            {
                var next = Peek(1);
                if (next == '\n') { _pos += 2; continue; }
                if (next is '$' or '`' or '"' or '\\') { lit.Append(next); _pos += 2; continue; }
                lit.Append('\\');
                _pos++;
                continue;
            }
            if (c == '`') { Flush(); parts.Add(ReadBackticks(QuoteKind.Double)); continue; }
            if (c == '$' && ReadDollar(QuoteKind.Double) is { } part) { Flush(); parts.Add(part); continue; }
            lit.Append(c);
            _pos++;
        }
        Flush();
        if (parts.Count == 0 || parts[^1] is not LiteralPart { Quote: QuoteKind.Double })
            parts.Add(new LiteralPart("", QuoteKind.Double));
    }

    private sealed class WordBudget
    {
        public int Words;
    }

    private WordBudget _budget = new();
}
