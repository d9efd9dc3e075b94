using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Palisade.Cli.Input;
using Palisade.Cli.Output;
using Palisade.Core.Audit;
using Palisade.Core.Config;
using Palisade.Core.Engine;
using Palisade.Core.Model;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade scan</c>: judge one input, or a stream of JSON lines with <c>--batch</c>.</summary>
public static class ScanCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string?>("input") { Arity = ArgumentArity.ZeroOrOne, Description = "File to scan, or - (the default) for standard input." };
        var kind = new Option<string>("--kind") { Description = "What the input is.", DefaultValueFactory = _ => "text" };
        kind.AcceptOnlyFromAmong([.. ScanKind.Names]);
        var format = new Option<string?>("--format") { Description = "Output format: text (default), json or sarif." };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var config = new Option<string?>("--config") { Description = "Configuration file (default: $PALISADE_HOME/config.yaml if present)." };
        var mode = new Option<string?>("--mode") { Description = "Policy mode: monitor, enforce, paranoid or interactive." };
        var batch = new Option<bool>("--batch") { Description = "Read JSON lines {\"id\",\"kind\",\"content\"}; write one result line per input." };
        var audit = new Option<string?>("--audit") { Description = "Append a hash-chained audit record of each verdict to this directory." };

        var command = new Command("scan", "Scan text, a prompt, a response, a command, a URL, a path or a tool call. Exit 0: allow or audit; 1: review or block; 2: usage or configuration error.")
        {
            input, kind, format, config, mode, batch, audit,
        };
        command.SetAction(parse =>
        {
            var settings = new ScanSettings(parse.GetValue(input), parse.GetValue(kind)!, parse.GetValue(format), parse.GetValue(config), parse.GetValue(mode), parse.GetValue(batch), parse.GetValue(audit));
            return Run(settings, console);
        });
        return command;
    }

    public sealed record ScanSettings(string? Input, string Kind, string? Format, string? Config, string? Mode, bool Batch, string? AuditDir);

    public static int Run(ScanSettings s, CliConsole console)
    {
        PalisadeEngine engine;
        try
        {
            engine = EngineFactory.Create(EngineFactory.LoadConfig(s.Config, s.Mode));
        }
        catch (ConfigException e)
        {
            console.Error.WriteLine($"palisade: {e.Message}");
            return ExitCodes.UsageError;
        }
        if (s.Batch) engine.PrepareForLongRun(); // a batch judges many inputs, as a host does

        AuditLog? audit = null;
        AuditSigningKey? auditKey = null;
        if (s.AuditDir is not null && File.Exists(s.AuditDir))
        {
            console.Error.WriteLine($"palisade: --audit: '{s.AuditDir}' is a file; pass the directory the daily audit files go in.");
            return ExitCodes.UsageError;
        }
        if (s.AuditDir is not null)
        {
            try
            {
                (audit, auditKey) = AuditFactory.Open(s.AuditDir);
            }
            catch (Exception e) when (e is AuditException or IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
            {
                console.Error.WriteLine($"palisade: --audit: cannot open the audit log: {e.Message}");
                return ExitCodes.UsageError;
            }
        }
        using var _ = auditKey;

        TextReader reader;
        try
        {
            reader = s.Input is null or "-" ? console.In : new StreamReader(s.Input, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"palisade: cannot read '{s.Input}': {e.Message}");
            return ExitCodes.UsageError;
        }

        using (reader)
        {
            if (s.Batch)
            {
                if (s.Format is not null and not "json") console.Error.WriteLine("palisade: --batch always writes JSON lines; --format is ignored.");
                return BatchScan.Run(engine, reader, console, s.Kind, audit);
            }
            // One character over the limit is enough for the engine to see the input is oversized (and block it in enforce).
            var content = BoundedInput.ReadAtMost(reader, (int)Math.Min(engine.Config.MaxFieldChars + 1L, Array.MaxLength));
            return ScanOne(engine, content, s, console, audit);
        }
    }

    private static int ScanOne(PalisadeEngine engine, string content, ScanSettings s, CliConsole console, AuditLog? audit)
    {
        var action = ScanKind.ToAction(s.Kind, content);
        var verdict = engine.Evaluate(action);
        if (audit is not null && !TryAudit(audit, [AuditEvent.ForVerdict("scan", action, verdict, AuditEvent.NewId(audit.Time))], closing: true, console))
            return ExitCodes.UsageError;
        switch (s.Format)
        {
            case "json":
                console.Out.WriteLine(ToJson(w => VerdictJson.Write(w, verdict)));
                break;
            case "sarif":
                using (var ms = new MemoryStream())
                {
                    SarifReport.Write(ms, verdict, s.Input is null or "-" ? "stdin" : s.Input, content);
                    console.Out.WriteLine(Encoding.UTF8.GetString(ms.ToArray()));
                }
                break;
            default:
                TextReport.Write(console.Out, verdict);
                break;
        }
        return verdict.Decision.Stops() || verdict.Decision == Decision.Redact ? ExitCodes.Stopped : ExitCodes.Ok;
    }

    /// <summary>Appends scan verdicts to the audit log; an audit that cannot be written is an error the caller reports with exit 2.</summary>
    internal static bool TryAudit(AuditLog audit, IReadOnlyList<AuditEvent> events, bool closing, CliConsole console)
    {
        try
        {
            audit.Append(events, checkpoint: closing);
            return true;
        }
        catch (AuditException e)
        {
            console.Error.WriteLine($"palisade: --audit: {e.Message}");
            return false;
        }
    }

    /// <summary>Output goes to terminals and files, not HTML: keep quotes and non-ASCII readable.</summary>
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static string ToJson(Action<Utf8JsonWriter> write)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, WriterOptions)) write(w);
        return Encoding.UTF8.GetString(ms.ToArray());
    }
}
