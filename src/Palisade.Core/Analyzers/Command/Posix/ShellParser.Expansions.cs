using System.Text;

namespace Palisade.Core.Analyzers.Commands.Posix;

/// <summary>What follows a <c>$</c> or a backquote: parameters, ANSI-C strings, substitutions, arithmetic.</summary>
public sealed partial class ShellParser
{
    /// <summary>At a <c>$</c>: a parameter, substitution, arithmetic or ANSI-C string; null when the <c>$</c> is literal.</summary>
    private WordPart? ReadDollar(QuoteKind quote)
    {
        var next = Peek(1);
        if (next == '\'' && quote == QuoteKind.None)
        {
            _pos += 2;
            var raw = new StringBuilder();
            while (!AtEnd && Cur != '\'')
            {
                if (Cur == '\\' && _pos + 1 < _s.Length) { raw.Append(Cur).Append(Peek(1)); _pos += 2; }
                else { raw.Append(Cur); _pos++; }
            }
            if (AtEnd) Problem("unterminated $'");
            else _pos++;
            return new LiteralPart(EscapeDecoder.Decode(raw.ToString(), EscapeStyle.AnsiC, _limits.MaxDecodedChars), QuoteKind.AnsiC);
        }
        if (next == '"' && quote == QuoteKind.None)
        {
            _pos += 2;
            var parts = new List<WordPart>();
            ReadDoubleQuoted(parts);
            return parts.Count == 1 ? parts[0] : new LiteralPart(string.Concat(parts.OfType<LiteralPart>().Select(p => p.Text)), QuoteKind.Double);
        }
        if (next == '(')
        {
            if (Peek(2) == '(') return new ArithPart(ReadArithmetic(3));
            _pos += 2;
            return new CommandSubstPart(Nested(() => ParseScript(NoStops, closeParen: true)), quote);
        }
        if (next == '{') return ReadBracedParameter(quote);
        if (char.IsAsciiLetter(next) || next == '_')
        {
            var start = ++_pos;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(Cur) || Cur == '_')) _pos++;
            return new ParamPart(_s[start.._pos], "", quote);
        }
        if (char.IsAsciiDigit(next) || next is '@' or '*' or '#' or '?' or '$' or '!' or '-')
        {
            _pos += 2;
            return new ParamPart(next.ToString(), "", quote);
        }
        return null;
    }

    private ParamPart ReadBracedParameter(QuoteKind quote)
    {
        _pos += 2;
        var start = _pos;
        var depth = 1;
        while (!AtEnd && depth > 0)
        {
            var c = Cur;
            if (c == '\\') { _pos += 2; continue; }
            if (c == '\'' && quote == QuoteKind.None) { var q = _s.IndexOf('\'', _pos + 1); _pos = q < 0 ? _s.Length : q + 1; continue; }
            if (c == '$' && Peek(1) == '{') { depth++; _pos += 2; continue; }
            if (c == '}') depth--;
            _pos++;
        }
        // A trailing backslash steps past the end: clamp before slicing.
        _pos = Math.Min(_pos, _s.Length);
        if (depth > 0) Problem("unterminated ${");
        var content = _s[start..Math.Max(start, _pos - (depth > 0 ? 0 : 1))];
        var i = 0;
        var prefix = "";
        if (content.Length > 1 && content[0] is '#' or '!' && (char.IsAsciiLetterOrDigit(content[1]) || content[1] is '_' or '@' or '*'))
        {
            prefix = content[0].ToString();
            i = 1;
        }
        var nameStart = i;
        if (i < content.Length && (char.IsAsciiLetter(content[i]) || content[i] == '_'))
            while (i < content.Length && (char.IsAsciiLetterOrDigit(content[i]) || content[i] == '_')) i++;
        else if (i < content.Length && char.IsAsciiDigit(content[i]))
            while (i < content.Length && char.IsAsciiDigit(content[i])) i++;
        else if (i < content.Length) i++;
        return new ParamPart(content[nameStart..i], prefix + content[i..], quote);
    }

    /// <summary>Reads <c>((…))</c> from <paramref name="skip"/> characters past the cursor; returns the expression.</summary>
    private string ReadArithmetic(int skip)
    {
        _pos += skip;
        var start = _pos;
        var depth = 2;
        while (!AtEnd)
        {
            if (Cur == '(') depth++;
            else if (Cur == ')' && --depth == 0) { _pos++; return _s[start..(_pos - 2)]; }
            _pos++;
        }
        Problem("unterminated ((");
        return _s[start..];
    }

    private CommandSubstPart ReadBackticks(QuoteKind quote)
    {
        _pos++;
        var inner = new StringBuilder();
        while (!AtEnd && Cur != '`')
        {
            if (Cur == '\\' && Peek(1) is '`' or '\\' or '$') { inner.Append(Peek(1)); _pos += 2; continue; }
            inner.Append(Cur);
            _pos++;
        }
        if (AtEnd) Problem("unterminated backquote");
        else _pos++;
        if (Depth + 1 > _limits.MaxParseDepth) { Abandon("nested too deeply"); return new CommandSubstPart(ShellScript.Empty, quote); }
        var parser = new ShellParser(inner.ToString(), _limits, _problems, Depth + 1) { _budget = _budget };
        var script = parser.ParseScript(NoStops, closeParen: false);
        return new CommandSubstPart(script, quote);
    }
}
