namespace Palisade.Core.Analyzers.Commands.Posix;

/// <summary>How a piece of a word was quoted: quoting decides whether expansion results are split and globbed.</summary>
public enum QuoteKind
{
    None,
    Single,
    Double,
    AnsiC,
}

/// <summary>One piece of a shell word, before expansion.</summary>
public abstract record WordPart;

/// <summary>Text that reads as itself (quotes and backslashes already removed).</summary>
public sealed record LiteralPart(string Text, QuoteKind Quote) : WordPart;

/// <summary><c>$name</c> or <c>${name…}</c>; <see cref="Modifier"/> is what followed the name inside the braces.</summary>
public sealed record ParamPart(string Name, string Modifier, QuoteKind Quote) : WordPart;

/// <summary><c>$(…)</c> or backticks, parsed.</summary>
public sealed record CommandSubstPart(ShellScript Script, QuoteKind Quote) : WordPart;

/// <summary><c>&lt;(…)</c> or <c>&gt;(…)</c>, parsed.</summary>
public sealed record ProcessSubstPart(ShellScript Script, char Direction) : WordPart;

/// <summary><c>$((…))</c>, kept as text.</summary>
public sealed record ArithPart(string Expression) : WordPart;

/// <summary>A word as written, with its span in the parsed text.</summary>
public sealed record ShellWord(IReadOnlyList<WordPart> Parts, int Start, int End)
{
    /// <summary>The word when it is plain text (no expansions), else null.</summary>
    public string? Literal => Parts.All(p => p is LiteralPart) ? string.Concat(Parts.Cast<LiteralPart>().Select(p => p.Text)) : null;

    public bool IsUnquotedLiteral(string text) => Parts is [LiteralPart { Quote: QuoteKind.None } p] && p.Text == text;
}

/// <summary>A redirection; a here-document's body is filled in when the parser reaches the line after it.</summary>
public sealed class Redirection(int? fd, string op, ShellWord? target)
{
    public int? Fd { get; } = fd;

    /// <summary><c>&gt;</c>, <c>&gt;&gt;</c>, <c>&lt;</c>, <c>&lt;&lt;</c>, <c>&lt;&lt;-</c>, <c>&lt;&lt;&lt;</c>, <c>&gt;&amp;</c>, <c>&lt;&amp;</c>, <c>&amp;&gt;</c>, <c>&amp;&gt;&gt;</c>, <c>&lt;&gt;</c>, <c>&gt;|</c>.</summary>
    public string Op { get; } = op;
    public ShellWord? Target { get; } = target;
    public string? HereDocBody { get; internal set; }

    /// <summary>A quoted delimiter (<c>&lt;&lt;'EOF'</c>) means the body is not expanded.</summary>
    public bool HereDocQuoted { get; internal set; }

    public bool IsHereDoc => Op is "<<" or "<<-";
    public bool IsInput => Op is "<" or "<<" or "<<-" or "<<<" or "<>" || (Op == "<&");
}

/// <summary>A command in a pipeline.</summary>
public abstract record ShellCommand(int Start, int End);

public sealed record Assignment(string Name, ShellWord? Value, bool Append);

/// <summary><c>A=b cmd args &gt; file</c>.</summary>
public sealed record SimpleCommand(IReadOnlyList<Assignment> Assignments, IReadOnlyList<ShellWord> Words, IReadOnlyList<Redirection> Redirects, int Start, int End)
    : ShellCommand(Start, End);

public enum CompoundKind
{
    Subshell,
    Group,
    If,
    While,
    Until,
    For,
    Case,
    Arithmetic,
}

/// <summary>A subshell, group, if/while/until/for/case: what matters here is the commands inside.</summary>
public sealed record CompoundCommand(CompoundKind Kind, IReadOnlyList<ShellScript> Bodies, IReadOnlyList<ShellWord> Words, IReadOnlyList<Redirection> Redirects, int Start, int End)
    : ShellCommand(Start, End);

/// <summary><c>name() { … }</c> or <c>function name { … }</c>.</summary>
public sealed record FunctionDefinition(string Name, ShellCommand Body, int Start, int End) : ShellCommand(Start, End);

public sealed record ShellPipeline(IReadOnlyList<ShellCommand> Commands, bool Negated, int Start, int End);

/// <summary>Pipelines joined by <c>&amp;&amp;</c> and <c>||</c>; <see cref="Ops"/> has one operator fewer than pipelines.</summary>
public sealed record ShellAndOr(IReadOnlyList<ShellPipeline> Pipelines, IReadOnlyList<string> Ops, bool Background);

public sealed record ShellScript(IReadOnlyList<ShellAndOr> Items)
{
    public static ShellScript Empty { get; } = new([]);
}

/// <summary>What the parser made of a text, and what it could not read (unterminated quotes, limits reached).</summary>
public sealed record ShellParseResult(ShellScript Script, IReadOnlyList<string> Problems);
