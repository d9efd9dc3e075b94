using Palisade.Core.Model;

namespace Palisade.Core.Analyzers.Commands;

/// <summary>
/// The flow checks: what one command cannot show but a pipeline or list can. A credential read earlier in a
/// pipeline (or staged in a file earlier in the line) that reaches a network command is exfiltration; a download
/// that a later command executes is download-and-run; a decoded literal piped into a shell is a hidden payload,
/// and is decoded and analysed.
/// </summary>
public sealed partial class CommandWalker
{
    /// <summary>Combines the stages of a pipeline: writes its <c>pipe:</c> line and runs the flow checks over it.</summary>
    public CommandFacts FinishPipeline(IReadOnlyList<CommandFacts> stages, int start, int length)
    {
        var facts = new CommandFacts();
        if (stages.Count == 0) return facts;
        if (stages.Count >= 2 && stages.All(s => s.Effective is not null))
            Form.Add("pipe", string.Join(" | ", stages.Select(s => Render(s.Effective!, withRedirects: false))), start, length);
        var secretUpstream = false;
        var bulkUpstream = false;
        for (var k = 0; k < stages.Count; k++)
        {
            var stage = stages[k];
            if (k > 0 && stage.StdinLanguage is { } language && stage.Effective is { HasStdinRedirect: false })
            {
                var upstream = stages.Take(k).Select(s => s.Effective).ToList();
                if (upstream.All(u => u is not null))
                {
                    var commands = upstream.Cast<ArgvCommand>().ToList();
                    var payload = StaticEvaluator.Evaluate(commands, Limits.MaxDecodedChars);
                    // A literal decoded into a shell hides its payload; decoding a file the user has is only unusual.
                    if (commands.Any(StaticEvaluator.IsDecoder) && (payload is not null || commands[0].Program is "echo" or "printf" || commands[0].StdinContent is not null))
                        Flow("decoded-exec " + language, start, length);
                    // Base64 or hex text taken from a file (or a picture's tail) and run: the payload is hidden from review.
                    else if (commands.Any(u => StaticEvaluator.IsDecoder(u) && u.Program is not ("gunzip" or "zcat" or "gzip")))
                        Flow("decoded-file-exec " + language, start, length);
                    if (payload is not null) RunStdin(language, payload, stage, start, length);
                }
            }
            if (secretUpstream && stage.SendsNetwork) Flow("credential-exfil " + (stage.Effective?.Program ?? "network"), start, length);
            if (bulkUpstream && stage.SendsNetwork) Flow("bulk-exfil " + (stage.Effective?.Program ?? "network"), start, length);
            if (secretUpstream) StageSecrets(stage.Writes);
            secretUpstream |= stage.ReadsSecret;
            bulkUpstream |= stage.ReadsBulk;
            facts.Merge(stage);
        }
        facts.Effective = stages[^1].Effective;
        facts.StdinLanguage = stages[0].StdinLanguage;
        return facts;
    }

    /// <summary>After each command of a list: a secret it read is now in the files it wrote.</summary>
    internal void AfterCommand(CommandFacts facts)
    {
        if (facts.ReadsSecret) StageSecrets(facts.Writes);
    }

    /// <summary>
    /// Remembers the file a download writes (<c>curl -o f</c>, <c>wget URL</c>, <c>-OutFile f</c>, <c>certutil … f</c>), and the
    /// file a decoder writes.
    /// </summary>
    private void TrackDownload(ArgvCommand c)
    {
        var args = c.Args;
        string? target = null;
        switch (c.Program)
        {
            case "curl":
                for (var i = 0; i < args.Count; i++)
                {
                    if (args[i] is "-o" or "--output" && i + 1 < args.Count) target = args[i + 1];
                    else if (args[i].StartsWith("-o", StringComparison.Ordinal) && args[i].Length > 2 && !args[i].StartsWith("--")) target = args[i][2..];
                    else if (args[i] is "-O" or "--remote-name" || (args[i].StartsWith('-') && !args[i].StartsWith("--") && args[i].Contains('O')))
                        target = args.Select(UrlIn).OfType<string>().Select(UrlBaseName).FirstOrDefault();
                }
                break;
            case "wget" or "wget2":
                for (var i = 0; i < args.Count; i++)
                    if (args[i] is "-O" or "--output-document" && i + 1 < args.Count) target = args[i + 1];
                    else if (args[i].StartsWith("-O", StringComparison.Ordinal) && args[i].Length > 2) target = args[i][2..];
                target ??= args.Select(UrlIn).OfType<string>().Select(UrlBaseName).FirstOrDefault();
                break;
            case "invoke-webrequest" or "iwr" or "start-bitstransfer":
                for (var i = 0; i + 1 < args.Count; i++)
                    if (args[i].ToLowerInvariant() is "-outfile" or "-destination" or "-o") target = args[i + 1];
                break;
            case "certutil" or "bitsadmin":
                if (args.Any(a => UrlIn(a) is not null)) target = args.LastOrDefault(a => !a.StartsWith('-') && !a.StartsWith('/') && UrlIn(a) is null) ?? args.LastOrDefault();
                break;
        }
        if (target is { Length: > 0 } && target != "-") _downloads.Add(BaseName(target));
        // cp ./tool /tmp/x: a program copied among temporary files, where it is run next and hides.
        if (c.Program is "cp" or "install" or "mv" or "ditto" or "copy" or "xcopy" or "move" or "copy-item")
            foreach (var e in FileEffects.Of(c))
                if (e.Operation == FileOperation.Write && IsTemporary(e.Path))
                {
                    _staged.Add(BaseName(e.Path));
                    foreach (var source in FileEffects.Of(c))
                        if (source.Operation == FileOperation.Read) _staged.Add(BaseName(source.Path));
                }
        // base64 -d > x.sh: text decoded into a file the line may run next.
        if (StaticEvaluator.IsDecoder(c) && c.Program is not ("gunzip" or "zcat" or "gzip"))
            foreach (var r in c.Redirects)
                if (r.IsOutput && r.Target.Length > 0) _decoded.Add(BaseName(r.Target));
    }

    /// <summary>A path in a temporary directory (<c>/tmp</c>, <c>/dev/shm</c>, <c>%TEMP%</c>, <c>C:\Windows\Temp</c>).</summary>
    private static bool IsTemporary(string path)
    {
        foreach (var prefix in TemporaryDirectories)
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] TemporaryDirectories =
        ["/tmp/", "/var/tmp/", "/dev/shm/", "/private/tmp/", "%temp%\\", "%tmp%\\", "$env:temp\\", "$env:tmp\\", "c:\\windows\\temp\\", "c:\\temp\\"];

    private bool IsDownloaded(string path) => _downloads.Count > 0 && _downloads.Contains(BaseName(path));

    private static string BaseName(string path)
    {
        var p = path.TrimEnd('/', '\\');
        var i = p.LastIndexOfAny(['/', '\\']);
        return (i >= 0 ? p[(i + 1)..] : p).ToLowerInvariant();
    }

    private static string? UrlBaseName(string url)
    {
        var q = url.IndexOfAny(['?', '#']);
        var path = q >= 0 ? url[..q] : url;
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        var slash = path.IndexOf('/', scheme + 3);
        if (slash < 0) return "index.html";
        var name = BaseName(path[slash..]);
        return name.Length == 0 ? "index.html" : name;
    }
}
