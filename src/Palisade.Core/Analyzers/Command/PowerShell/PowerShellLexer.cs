using System.Text;

namespace Palisade.Core.Analyzers.Commands.PowerShell;

public enum PsTokenKind
{
    Word,
    String,
    Variable,
    Operator,
    Open,
    Close,
    Pipe,
    Separator,
}

/// <summary>One PowerShell token; <see cref="Text"/> has escapes resolved and, for strings, no quotes.</summary>
public readonly record struct PsToken(PsTokenKind Kind, string Text, int Start, int End);

/// <summary>
/// Tokenizes PowerShell well enough to normalize it: single- and double-quoted strings and here-strings, comments,
/// backtick escapes (<c>I`E`X</c> is <c>IEX</c>), variables, brackets, pipes and statement separators.
/// Never throws; an unterminated string runs to the end of the text.
/// </summary>
public static class PowerShellLexer
{
    public static List<PsToken> Tokenize(string s, int maxTokens)
    {
        var tokens = new List<PsToken>();
        var i = 0;
        while (i < s.Length && tokens.Count < maxTokens)
        {
            var c = s[i];
            var start = i;
            if (c is ' ' or '\t' or '\r') { i++; continue; }
            if (c == '`' && i + 1 < s.Length && s[i + 1] is '\n' or '\r') { i += 2; continue; }
            if (c is '\n' or ';') { tokens.Add(new PsToken(PsTokenKind.Separator, c.ToString(), i, ++i)); continue; }
            if (c == '#') { while (i < s.Length && s[i] != '\n') i++; continue; }
            if (c == '<' && i + 1 < s.Length && s[i + 1] == '#')
            {
                var close = s.IndexOf("#>", i + 2, StringComparison.Ordinal);
                i = close < 0 ? s.Length : close + 2;
                continue;
            }
            if (c == '@' && i + 1 < s.Length && s[i + 1] is '\'' or '"')
            {
                var quote = s[i + 1];
                var close = s.IndexOf("\n" + quote + "@", i + 2, StringComparison.Ordinal);
                var bodyStart = s.IndexOf('\n', i + 2);
                var body = close < 0 || bodyStart < 0 || bodyStart > close ? s[Math.Min(i + 2, s.Length)..] : s[(bodyStart + 1)..close];
                i = close < 0 ? s.Length : close + 3;
                tokens.Add(new PsToken(PsTokenKind.String, body, start, i));
                continue;
            }
            if (c is '\'' or '‘' or '’') { tokens.Add(new PsToken(PsTokenKind.String, SingleQuoted(s, ref i), start, i)); continue; }
            if (c is '"' or '“' or '”') { tokens.Add(new PsToken(PsTokenKind.String, DoubleQuoted(s, ref i), start, i)); continue; }
            if (c == '|' && !(i + 1 < s.Length && s[i + 1] == '|')) { tokens.Add(new PsToken(PsTokenKind.Pipe, "|", i, ++i)); continue; }
            if (c is '(' or '{' or '[' || (c is '@' or '$' && i + 1 < s.Length && s[i + 1] is '(' or '{' && !(c == '$' && s[i + 1] == '{')))
            {
                var len = c is '@' or '$' ? 2 : 1;
                tokens.Add(new PsToken(PsTokenKind.Open, s.Substring(i, len), i, i += len));
                continue;
            }
            if (c is ')' or '}' or ']') { tokens.Add(new PsToken(PsTokenKind.Close, c.ToString(), i, ++i)); continue; }
            if (c == '$') { tokens.Add(new PsToken(PsTokenKind.Variable, Variable(s, ref i), start, i)); continue; }
            if (c is ',' or '+' or '=' or '&' or '.' or '!' or '>' or '<' or '*' or '/' or '%' && !IsWordChar(Peek(s, i + 1), c))
            {
                var len = i + 1 < s.Length && (s[i + 1] == c || s[i + 1] == '=') ? 2 : 1;
                tokens.Add(new PsToken(PsTokenKind.Operator, s.Substring(i, len), i, i += len));
                continue;
            }
            tokens.Add(new PsToken(PsTokenKind.Word, Word(s, ref i), start, i));
        }
        return tokens;
    }

    private static char Peek(string s, int i) => i < s.Length ? s[i] : '\0';

    /// <summary>After <c>.</c> or <c>&amp;</c>, a letter makes it part of a word (<c>.\run.ps1</c>, <c>.DownloadString</c> is handled by the word).</summary>
    private static bool IsWordChar(char next, char c) => c is '.' or '/' or '*' or '%' or '!' && (char.IsLetterOrDigit(next) || next is '\\' or '/' or '_');

    private static string SingleQuoted(string s, ref int i)
    {
        var sb = new StringBuilder();
        i++;
        while (i < s.Length)
        {
            var c = s[i];
            if (c is '\'' or '‘' or '’')
            {
                if (i + 1 < s.Length && s[i + 1] is '\'' or '‘' or '’') { sb.Append('\''); i += 2; continue; }
                i++;
                break;
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    private static string DoubleQuoted(string s, ref int i)
    {
        var sb = new StringBuilder();
        i++;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '`' && i + 1 < s.Length)
            {
                sb.Append(Escape(s[i + 1]));
                i += 2;
                continue;
            }
            if (c is '"' or '“' or '”')
            {
                if (i + 1 < s.Length && s[i + 1] is '"') { sb.Append('"'); i += 2; continue; }
                i++;
                break;
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    private static char Escape(char c) => c switch
    {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        '0' => '\0',
        'a' => '\a',
        'b' => '\b',
        'e' => '\u001b',
        'f' => '\f',
        'v' => '\v',
        _ => c,
    };

    private static string Variable(string s, ref int i)
    {
        var sb = new StringBuilder("$");
        i++;
        if (i < s.Length && s[i] == '{')
        {
            var close = s.IndexOf('}', i);
            var end = close < 0 ? s.Length : close;
            sb.Append(s, i + 1, end - i - 1);
            i = close < 0 ? s.Length : close + 1;
            return sb.ToString();
        }
        while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '_' or ':' or '?' or '^'))
        {
            if (s[i] == ':' && !(i + 1 < s.Length && char.IsLetter(s[i + 1]))) break;
            sb.Append(s[i++]);
        }
        return sb.ToString();
    }

    private static string Word(string s, ref int i)
    {
        var sb = new StringBuilder();
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '`' && i + 1 < s.Length)
            {
                if (s[i + 1] is '\n' or '\r') break;
                sb.Append(s[i + 1]);
                i += 2;
                continue;
            }
            if (c is ' ' or '\t' or '\r' or '\n' or ';' or '|' or '(' or ')' or '{' or '}' or '[' or ']' or ',' or '\'' or '"' or '$' or '=' or '+') break;
            sb.Append(c);
            i++;
        }
        if (sb.Length == 0) { sb.Append(s[i]); i++; }
        return sb.ToString();
    }
}
