using System.Text;
using Palisade.Core.Analyzers.Commands.CmdExe;
using Palisade.Core.Analyzers.Commands.Posix;
using Palisade.Core.Model;

namespace Palisade.Core.Analyzers.Commands;

/// <summary>
/// Walks a command line in whichever dialect it is written, writes its <see cref="CanonicalForm"/>, hands every
/// file and URL it touches to <see cref="ICommandEffects"/>, and follows what commands run inside commands
/// (wrappers, command strings, decoded payloads, inline code). One walker per line; not thread-safe.
/// </summary>
public sealed partial class CommandWalker
{
    private readonly ICommandEffects _effects;
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly HashSet<string> _secretFiles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _downloads = new(StringComparer.Ordinal);
    private readonly HashSet<string> _decoded = new(StringComparer.Ordinal);
    private readonly HashSet<string> _staged = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Posix.ShellCommand> _functions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _calling = new(StringComparer.Ordinal);
    private int _functionCalls;
    private (int Start, int Length)? _outerSpan;
    private int _commands;
    private int _nestedDepth;
    private int _nestedTotal;
    private int _innerActions;
    private int _codeDepth;

    public CommandWalker(ICommandEffects effects, CommandLimits? limits = null)
    {
        _effects = effects;
        Limits = limits ?? CommandLimits.Default;
        Form = new CanonicalForm(Limits.MaxCanonicalChars);
    }

    public CommandLimits Limits { get; }

    /// <summary>Where the line starts (the action's working directory), if known: a tree read there is judged where it is.</summary>
    public string? WorkingDirectory { get; init; }
    public CanonicalForm Form { get; }

    /// <summary>Analyses a whole line. <paramref name="dialect"/> null: decided from the text.</summary>
    public void Walk(string text, ScriptDialect? dialect = null)
    {
        var d = dialect ?? DialectDetector.Detect(text);
        WalkText(text, d, 0, text.Length);
    }

    /// <summary>Reports that part of the text could not be read: the line is never allowed as if it had been.</summary>
    public void Note(string problem, int start, int length) => Form.Add("note", "unparseable " + problem, start, length);

    public void Flow(string fact, int start, int length) => Form.Add("flow", fact, start, length);

    /// <summary>A command string found inside a command, analysed in its dialect; bounded in depth and number.</summary>
    internal CommandFacts WalkNested(string text, ScriptDialect dialect, int start, int length)
    {
        if (text.Length == 0) return CommandFacts.None;
        if (_nestedDepth >= Limits.MaxNestedScripts || ++_nestedTotal > Limits.MaxNestedScripts * 32)
        {
            Note("nested too deeply", start, length);
            return CommandFacts.None;
        }
        var saved = _outerSpan;
        var directory = _directory;
        var lost = _directoryLost;
        _outerSpan ??= (start, length);
        _nestedDepth++;
        try
        {
            return WalkText(text, dialect, start, length);
        }
        finally
        {
            _nestedDepth--;
            _outerSpan = saved;
            // A `cd` inside `bash -c '…'` moves that shell, not the one around it.
            _directory = directory;
            _directoryLost = lost;
        }
    }

    private CommandFacts WalkText(string text, ScriptDialect dialect, int start, int length)
    {
        switch (dialect)
        {
            case ScriptDialect.PowerShell:
                return new PowerShell.PowerShellWalker(this).Walk(text, start, length);
            case ScriptDialect.Cmd:
                return new CmdExeWalker(this).Walk(text, start, length);
            default:
                var parsed = ShellParser.Parse(text, Limits);
                foreach (var problem in parsed.Problems) Note(problem, start, length);
                return WalkScript(parsed.Script).Facts;
        }
    }

    /// <summary>The span findings about a node should point at: the node itself at the top, the carrying command inside a nested text.</summary>
    internal (int Start, int Length) Span(int start, int end) => _outerSpan ?? (start, Math.Max(0, end - start));

    /// <summary>
    /// The heart of the analysis: one simple command after expansion. Writes its <c>cmd:</c> line, reports the files
    /// and URLs it touches, and follows whatever it runs in turn.
    /// </summary>
    public CommandFacts VisitCommand(ArgvCommand c, int start, int length, bool outermost = true)
    {
        var facts = new CommandFacts { Effective = c };
        if (++_commands > Limits.MaxCommands)
        {
            if (_commands == Limits.MaxCommands + 1) Note("too many commands", start, length);
            return facts;
        }
        Form.Add("cmd", Render(c, withRedirects: true), start, length);
        _effects.Program(c, start, length);
        var archiver = c.Program is "tar" or "bsdtar" or "gtar" or "zip" or "7z" or "7za" or "rar" or "cpio" or "ditto";
        foreach (var effect in FileEffects.Of(c)) Access(InDirectory(effect), c.Program, archiver, facts, start, length);
        if (outermost && c.Redirects.Count > 0)
            foreach (var effect in FileEffects.OfRedirects(c.Redirects)) Access(InDirectory(effect), c.Program, archiver, facts, start, length);
        Requests(c, start, length);
        facts.SendsNetwork |= IsNetworkSink(c);
        TrackDownload(c);
        TrackDirectory(c);
        foreach (var nested in CommandWrappers.Find(c)) Follow(nested, c, facts, start, length);
        if (facts.ReadsSecret && facts.SendsNetwork) Flow("credential-exfil " + (facts.Effective?.Program ?? c.Program), start, length);
        if (facts.ReadsBulk && facts.SendsNetwork) Flow("bulk-exfil " + (facts.Effective?.Program ?? c.Program), start, length);
        return facts;
    }

    /// <summary>
    /// A file the command itself touches: reported, and for an archiver, whether it takes a whole tree. A tree read of a
    /// whole home directory (or of the directory holding homes) is a fact of its own: a backup and the classic exfiltration
    /// look the same, so the rule on it asks for a review.
    /// </summary>
    private void Access(FileEffect effect, string program, bool archiver, CommandFacts facts, int start, int length)
    {
        File(effect, facts, start, length);
        if (effect.Operation != FileOperation.Read) return;
        facts.ReadsBulk |= archiver && IsBulkRoot(effect.Path);
        if (effect.Recursive && ReadsHomes(effect))
        {
            // An archive of it is bulk data for the flow checks; a copy by rsync or scp is its own network command.
            facts.ReadsBulk |= archiver;
            Flow("home-read-whole " + program, start, length);
        }
    }

    private bool ReadsHomes(FileEffect effect) =>
        Paths.WholeDirectory.HoldsHomes(Paths.PathResolver.Resolve(effect.Path, effect.Unanchored ? null : WorkingDirectory).Canonical);

    /// <summary>A tree holding much of the machine's or the user's data.</summary>
    private static bool IsBulkRoot(string path) =>
        ArgvNormalizer.NormalizePath(path.TrimEnd('*')) is "/" or "/etc" or "/home" or "/Users" or "/root" or "/var" or "/srv" or "~" or "$HOME" or "/opt";

    private void Follow(Nested nested, ArgvCommand c, CommandFacts facts, int start, int length)
    {
        switch (nested)
        {
            case NestedCommand inner:
                var innerFacts = VisitCommand(inner.Command, start, length, outermost: false);
                facts.Merge(innerFacts);
                facts.Effective = innerFacts.Effective;
                facts.StdinLanguage = innerFacts.StdinLanguage;
                break;
            case NestedScript script:
                facts.Merge(WalkNested(script.Text, script.Dialect, start, length));
                break;
            case NestedCode code:
                _codeDepth++;
                try
                {
                    foreach (var found in InterpreterCode.Find(code.Language, code.Code)) Follow(found, c, facts, start, length);
                }
                finally
                {
                    _codeDepth--;
                }
                break;
            case NestedStdin stdin:
                facts.StdinLanguage = stdin.Language;
                // A bare shell started from inside interpreter code is an interactive shell escape (pty.spawn, system("/bin/sh")).
                if (_codeDepth > 0 && stdin.Language == "sh" && c.StdinContent is null) Flow("shell-spawn " + c.Program, start, length);
                if (c.StdinContent is { } content) RunStdin(stdin.Language, content, facts, start, length);
                break;
            case NestedScriptFile file when !file.Path.StartsWith("<(", StringComparison.Ordinal) && !file.Path.StartsWith("$(", StringComparison.Ordinal):
                File(InDirectory(new FileEffect(file.Path, FileOperation.Execute)), facts, start, length);
                // "report.txt " runs as a program while it reads as a document (a trailing space hides the real type).
                if (file.Path.Length > 1 && char.IsWhiteSpace(file.Path[^1])) Flow("space-after-name " + ArgvNormalizer.Escape(file.Path.TrimEnd()), start, length);
                if (IsDownloaded(file.Path)) Flow("download-exec " + ArgvNormalizer.Escape(file.Path), start, length);
                else if (_decoded.Count > 0 && _decoded.Contains(BaseName(file.Path))) Flow("decoded-file-exec " + ArgvNormalizer.Escape(file.Path), start, length);
                else if (_staged.Count > 0 && IsTemporary(file.Path) && _staged.Contains(BaseName(file.Path))) Flow("temp-staged-exec " + ArgvNormalizer.Escape(file.Path), start, length);
                break;
            case NestedFileRead read:
                if (UrlIn(read.Path) is { } url) Request(url, "GET", start, length);
                else File(InDirectory(new FileEffect(read.Path, FileOperation.Read)), facts, start, length);
                break;
            case NestedAssignment assignment:
                Form.Add("set", $"{assignment.Name}={ArgvNormalizer.Escape(assignment.Value)}", start, length);
                break;
            case NestedEnvironmentDump:
                facts.ReadsSecret = true;
                break;
        }
    }

    /// <summary>Code that arrives on an interpreter's stdin (a pipeline's decoded payload, a here-document).</summary>
    internal void RunStdin(string language, string content, CommandFacts facts, int start, int length)
    {
        if (language == "sh") facts.Merge(WalkNested(content, ScriptDialect.Posix, start, length));
        else if (language == "powershell") facts.Merge(WalkNested(content, ScriptDialect.PowerShell, start, length));
        else
            foreach (var found in InterpreterCode.Find(language, content))
                if (found is NestedScript s) facts.Merge(WalkNested(s.Text, s.Dialect, start, length));
                else if (found is NestedCommand nc) facts.Merge(VisitCommand(nc.Command, start, length, outermost: false));
                else if (found is NestedFileRead read) File(InDirectory(new FileEffect(read.Path, FileOperation.Read)), facts, start, length);
    }

    private void File(FileEffect effect, CommandFacts facts, int start, int length)
    {
        if (effect.Path.Length == 0) return;
        var credential = false;
        if (_innerActions < Limits.MaxInnerActions)
        {
            _innerActions++;
            credential = _effects.File(effect, start, length);
        }
        else
        {
            credential = CredentialPaths.IsCredential(effect.Path);
            _effects.Unjudged(start, length);
        }
        var staged = _secretFiles.Contains(ArgvNormalizer.NormalizePath(effect.Path));
        if (effect.Operation == FileOperation.Read && (credential || staged || CredentialPaths.IsSensitive(effect.Path))) facts.ReadsSecret = true;
        if (effect.Operation == FileOperation.Write) facts.AddWrite(effect.Path);
    }

    /// <summary>After a command that read a secret: the files it wrote now hold the secret too.</summary>
    internal void StageSecrets(IEnumerable<string> paths)
    {
        foreach (var p in paths) _secretFiles.Add(ArgvNormalizer.NormalizePath(p));
    }

    private void Requests(ArgvCommand c, int start, int length)
    {
        if (!KnownCommands.UrlFetchers.Contains(c.Program)) return;
        var method = c.Args.Any(a => a is "-d" or "-F" or "-T" or "--data" or "--data-binary" or "--form" or "--upload-file" or "--post-data" or "--post-file" || a.StartsWith("--data", StringComparison.Ordinal) || a.StartsWith("--post-", StringComparison.Ordinal)) ? "POST" : "GET";
        for (var i = 0; i < c.Args.Count; i++)
        {
            if (c.Args[i] is "-X" or "--request" or "-Method" && i + 1 < c.Args.Count) method = c.Args[i + 1].ToUpperInvariant();
        }
        foreach (var url in c.Args.Select(UrlIn).OfType<string>())
        {
            if (_innerActions >= Limits.MaxInnerActions)
            {
                _effects.Unjudged(start, length);
                break;
            }
            _innerActions++;
            _effects.Url(url, method, start, length);
        }
    }

    /// <summary>A URL found outside an argument list (a PowerShell <c>.DownloadString('…')</c>), handed to the URL analyzer.</summary>
    internal void Request(string url, string method, int start, int length)
    {
        if (_innerActions >= Limits.MaxInnerActions)
        {
            _effects.Unjudged(start, length);
            return;
        }
        _innerActions++;
        _effects.Url(url, method, start, length);
    }

    /// <summary>The URL an argument holds (<c>https://…</c>, or a scheme-less <c>host.tld/path</c> as curl reads it), or null.</summary>
    internal static string? UrlIn(string arg)
    {
        var scheme = arg.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            var start = scheme;
            while (start > 0 && (char.IsAsciiLetterOrDigit(arg[start - 1]) || arg[start - 1] is '+' or '.' or '-')) start--;
            return start < scheme ? arg[start..] : null;
        }
        return null;
    }

    private static bool IsNetworkSink(ArgvCommand c) =>
        (KnownCommands.NetworkSinks.Contains(c.Program) && !(c.Program == "openssl" && !c.Args.Contains("s_client")))
        || c.Redirects.Any(r => r.Target.StartsWith("/dev/tcp/", StringComparison.Ordinal) || r.Target.StartsWith("/dev/udp/", StringComparison.Ordinal));

    /// <summary>The command as rules read it: program, arguments (paths normalized, rm's flags in order), redirections.</summary>
    internal static string Render(ArgvCommand c, bool withRedirects)
    {
        var bare = !withRedirects || c.Redirects.Count == 0;
        if (bare && c.RenderedWithoutRedirects is { } rendered) return rendered;
        var sb = new StringBuilder(c.Program.Length + 16 * c.Canon.Count);
        sb.Append(ArgvNormalizer.Escape(c.Program));
        if (c.Program == "rm")
        {
            foreach (var a in ArgvNormalizer.NormalizeRm(c.Canon.Skip(1).ToList())) sb.Append(' ').Append(ArgvNormalizer.NormalizePath(a));
        }
        else
        {
            // ssh's remote command is analysed as a command of its own; its words are not ssh's options.
            var end = c.Canon.Count;
            if (c.Program is "ssh" or "autossh" or "plink" && CommandWrappers.Operands(c.Args, ScriptCarriers.SshValueOptions) is var host && host + 1 < c.Args.Count)
                end = host + 2;
            for (var i = 1; i < end; i++) sb.Append(' ').Append(ArgvNormalizer.NormalizePath(c.Canon[i]));
            if (end < c.Canon.Count) sb.Append(" …");
        }
        if (bare) return c.RenderedWithoutRedirects = sb.ToString();
        foreach (var r in c.Redirects) sb.Append(' ').Append(r.Canonical);
        return sb.ToString();
    }
}
