namespace Palisade.Core.Analyzers.Commands;

/// <summary>
/// A redirection after expansion. <see cref="Content"/> is what a here-document or here-string feeds on stdin,
/// when it is known text.
/// </summary>
public sealed record RedirectSpec(int? Fd, string Op, string Target, string? Content)
{
    public bool IsInput => Op is "<" or "<<" or "<<-" or "<<<" or "<>";
    public bool IsOutput => Op is ">" or ">>" or ">|" or "&>" or "&>>" or "<>" || (Op == ">&" && !IsDuplication);

    /// <summary><c>2&gt;&amp;1</c>, <c>&gt;&amp;-</c>: a descriptor copied or closed, not a file.</summary>
    public bool IsDuplication => Op is ">&" or "<&" && (Target == "-" || Target.All(char.IsAsciiDigit));

    /// <summary>As rules read it: <c> &gt; /dev/sda</c>, <c> 2&gt;&amp;1</c>, <c> &lt;&lt;&lt; word</c>.</summary>
    public string Canonical => IsDuplication
        ? $"{Fd}{Op}{Target}"
        : $"{Fd}{Op} {ArgvNormalizer.Escape(IsInput ? Target : ArgvNormalizer.NormalizePath(Target))}";
}

/// <summary>
/// One simple command after expansion, whatever dialect it was written in: the words it runs with
/// (<see cref="Argv"/>), the same words as rules read them (<see cref="Canon"/>: escaped, with what could not be
/// expanded shown as written), and its redirections.
/// </summary>
public sealed record ArgvCommand(IReadOnlyList<string> Argv, IReadOnlyList<string> Canon, IReadOnlyList<RedirectSpec> Redirects)
{
    public string Program { get; } = Argv.Count == 0 ? "" : ArgvNormalizer.Program(Argv[0]);

    public IReadOnlyList<string> Args { get; } = From(Argv, 1);

    /// <summary>The command as rules read it, without redirections (a pipeline stage), once <see cref="CommandWalker"/> has made it.</summary>
    internal string? RenderedWithoutRedirects { get; set; }

    public static ArgvCommand FromWords(IReadOnlyList<string> argv, IReadOnlyList<RedirectSpec>? redirects = null) =>
        new(argv, argv.Select(ArgvNormalizer.Escape).ToArray(), redirects ?? []);

    /// <summary>The command run by a wrapper: <paramref name="skip"/> leading words dropped, redirections kept.</summary>
    public ArgvCommand Skip(int skip) => new(From(Argv, skip), From(Canon, skip), Redirects);

    private static string[] From(IReadOnlyList<string> words, int start)
    {
        if (words.Count <= start) return [];
        var copy = new string[words.Count - start];
        for (var i = 0; i < copy.Length; i++) copy[i] = words[start + i];
        return copy;
    }

    /// <summary>What a here-document or here-string gives this command on stdin, when known.</summary>
    public string? StdinContent => Redirects.LastOrDefault(r => r.Fd is null or 0 && r.IsInput)?.Content;

    public bool HasStdinRedirect => Redirects.Any(r => r.Fd is null or 0 && r.IsInput);
}
