using System.Text;

namespace Palisade.Core.Analyzers.Commands.Posix;

/// <summary>
/// Expands words the way the shell would, as far as that is known without running anything: quotes removed,
/// variables assigned literally earlier in the line substituted (<c>a=cu;b=rl;$a$b</c> is <c>curl</c>), <c>$IFS</c>
/// as a word break, empty positional parameters dropped (<c>c$@at</c>), brace expansion (<c>{curl,-s,x}</c>),
/// substitutions walked and, when they print a known literal, replaced by it. What stays unknown is kept as written.
/// </summary>
internal sealed class WordExpansion(CommandWalker walker, CommandFacts facts)
{
    internal readonly record struct Field(string Value, string Canon, bool Known);

    // Reused from word to word: Expand never runs again on this instance before it returns (substitutions are
    // walked by expansions of their own).
    private StringBuilder? _value;
    private StringBuilder? _canon;

    public List<Field> Fields(ShellWord word) => Expand(word, split: true);

    /// <summary>The word's fields appended to an argument vector: values to <paramref name="values"/>, as rules read them to <paramref name="canon"/>.</summary>
    public void AddFields(ShellWord word, List<string> values, List<string> canon)
    {
        // Plain text (the common case) is itself, unless it is a brace expansion.
        if (word.Parts is [LiteralPart { Quote: QuoteKind.None } only] && !only.Text.Contains('{'))
        {
            if (only.Text.Length == 0) return;
            values.Add(only.Text);
            canon.Add(ArgvNormalizer.Escape(only.Text));
            return;
        }
        foreach (var field in Expand(word, split: true))
        {
            values.Add(field.Value);
            canon.Add(field.Canon);
        }
    }

    /// <summary>One string, unsplit: an assignment's value, a redirection's target.</summary>
    public (string Value, string Canon, bool Known) Joined(ShellWord word)
    {
        var fields = Expand(word, split: false);
        return fields.Count == 0 ? ("", "", true)
            : (string.Join(' ', fields.Select(f => f.Value)), string.Join(' ', fields.Select(f => f.Canon)), fields.All(f => f.Known));
    }

    public RedirectSpec Redirect(Redirection r)
    {
        var target = r.Target is null ? "" : Joined(r.Target).Value;
        string? content = r.Op switch
        {
            "<<" or "<<-" => r.HereDocBody,
            "<<<" => target + "\n",
            _ => null,
        };
        return new RedirectSpec(r.Fd, r.Op, target, content);
    }

    private List<Field> Expand(ShellWord word, bool split)
    {
        // Plain text (the common case) is itself, unless it is a brace expansion.
        if (word.Parts is [LiteralPart { Quote: QuoteKind.None } only] && !(split && only.Text.Contains('{')))
            return only.Text.Length == 0 ? [] : [new Field(only.Text, ArgvNormalizer.Escape(only.Text), true)];
        var fields = new List<Field>();
        var value = _value ??= new StringBuilder();
        var canon = _canon ??= new StringBuilder();
        value.Clear();
        canon.Clear();
        var known = true;
        var any = false;

        void Break()
        {
            if (any) fields.Add(new Field(value.ToString(), canon.ToString(), known));
            value.Clear();
            canon.Clear();
            known = true;
            any = false;
        }
        void Text(string text, bool splittable)
        {
            if (!(split && splittable))
            {
                value.Append(text);
                ArgvNormalizer.AppendEscaped(canon, text);
                any = true;
                return;
            }
            foreach (var c in text)
            {
                if (c is ' ' or '\t' or '\n') { Break(); continue; }
                value.Append(c);
                ArgvNormalizer.AppendEscaped(canon, c);
                any = true;
            }
        }
        void Unknown(string rendered, bool escape)
        {
            value.Append(rendered);
            if (escape) ArgvNormalizer.AppendEscaped(canon, rendered);
            else canon.Append(rendered);
            known = false;
            any = true;
        }

        var hasLiteral = word.Parts.Any(p => p is LiteralPart { Text.Length: > 0 });
        foreach (var part in word.Parts)
        {
            switch (part)
            {
                case LiteralPart literal:
                    Text(literal.Text, splittable: false);
                    break;
                case ParamPart { Name: "IFS" } ifs:
                    if (split && ifs.Quote == QuoteKind.None) Break();
                    else Text(" ", splittable: false);
                    break;
                case ParamPart { Name: "@" or "*" or "1" or "2" or "3" or "4" or "5" or "6" or "7" or "8" or "9" } positional when hasLiteral && walker.Variable(positional.Name) is null:
                    break;
                case ParamPart param:
                    if (Resolve(param) is { } resolved) Text(resolved, param.Quote == QuoteKind.None);
                    else Unknown("$" + (param.Modifier.Length == 0 ? param.Name : "{" + param.Name + param.Modifier + "}"), escape: true);
                    break;
                case CommandSubstPart subst:
                    var result = walker.WalkScript(subst.Script, substitution: true);
                    facts.Merge(result.Facts);
                    if (result.Value is { } printed) Text(printed.TrimEnd('\n'), subst.Quote == QuoteKind.None);
                    else Unknown("$(" + result.Canon + ")", escape: false);
                    break;
                case ProcessSubstPart process:
                    var inner = walker.WalkScript(process.Script, substitution: true);
                    facts.Merge(inner.Facts);
                    Unknown(process.Direction + "(" + inner.Canon + ")", escape: false);
                    break;
                case ArithPart arith:
                    Unknown("$((" + arith.Expression + "))", escape: true);
                    break;
            }
        }
        Break();
        if (split && fields.Count == 1 && word.Parts.All(p => p is LiteralPart { Quote: QuoteKind.None }) && fields[0].Value.Length <= 4096 && fields[0].Value.Contains('{'))
        {
            var expanded = BraceExpansion.Expand(fields[0].Value, walker.Limits.MaxBraceWords);
            if (expanded.Count > 1) return expanded.Select(e => new Field(e, ArgvNormalizer.Escape(e), true)).ToList();
        }
        return fields;
    }

    /// <summary>A parameter's value when it was assigned a literal earlier in the line, with the common modifiers applied.</summary>
    private string? Resolve(ParamPart p)
    {
        var m = p.Modifier;
        if (m == "!") return walker.Variable(walker.Variable(p.Name) ?? "") is { } indirect ? indirect : null;
        var v = walker.Variable(p.Name);
        if (v is null) return null;
        if (m.Length == 0) return v;
        if (m == "#") return v.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (m is ",," or ",") return v.ToLowerInvariant();
        if (m is "^^" or "^") return v.ToUpperInvariant();
        if (m.StartsWith(":-") || m.StartsWith(":=")) return v.Length > 0 ? v : m[2..];
        if (m.StartsWith('-') || m.StartsWith('=')) return v;
        if (m.StartsWith(":+")) return v.Length > 0 ? m[2..] : "";
        if (m.StartsWith(':')) return Substring(v, m[1..]);
        if (m.StartsWith('/')) return Replace(v, m);
        if (m.IndexOfAny(['*', '?', '[']) >= 0) return null;
        if (m.StartsWith("##") || m.StartsWith('#')) { var pat = m.TrimStart('#'); return v.StartsWith(pat, StringComparison.Ordinal) ? v[pat.Length..] : v; }
        if (m.StartsWith("%%") || m.StartsWith('%')) { var pat = m.TrimStart('%'); return v.EndsWith(pat, StringComparison.Ordinal) ? v[..^pat.Length] : v; }
        return null;
    }

    private static string? Substring(string v, string spec)
    {
        var parts = spec.Split(':');
        if (!int.TryParse(parts[0].Trim(), out var offset)) return null;
        if (offset < 0) offset = Math.Max(0, v.Length + offset);
        if (offset > v.Length) return "";
        if (parts.Length == 1) return v[offset..];
        if (!int.TryParse(parts[1].Trim(), out var length)) return null;
        if (length < 0) length = Math.Max(0, v.Length - offset + length);
        return v.Substring(offset, Math.Min(length, v.Length - offset));
    }

    private static string? Replace(string v, string m)
    {
        var all = m.StartsWith("//");
        var body = m[(all ? 2 : 1)..];
        var slash = body.IndexOf('/');
        var pattern = slash < 0 ? body : body[..slash];
        var replacement = slash < 0 ? "" : body[(slash + 1)..];
        if (pattern.Length == 0 || pattern.IndexOfAny(['*', '?', '[']) >= 0) return null;
        if (all) return v.Replace(pattern, replacement, StringComparison.Ordinal);
        var at = v.IndexOf(pattern, StringComparison.Ordinal);
        return at < 0 ? v : v[..at] + replacement + v[(at + pattern.Length)..];
    }
}
