using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using Palisade.Core.Audit;
using Palisade.Core.Config;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade audit verify|tail</c>: prove the flight recorder is intact, or read its newest records.</summary>
public static class AuditCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("audit", "Check or read the flight recorder (the hash-chained audit log).");

        var verifyDir = new Argument<string?>("dir") { Arity = ArgumentArity.ZeroOrOne, Description = "Audit directory (default: $PALISADE_HOME/audit)." };
        var key = new Option<string?>("--key") { Description = "Trusted public key (PEM) for checkpoint signatures (default: $PALISADE_HOME/keys/audit-signing.pub.pem)." };
        var format = new Option<string?>("--format") { Description = "Output format: text (default) or json." };
        format.AcceptOnlyFromAmong("text", "json");
        var verify = new Command("verify", "Check every record's hash, the chain linking them, seq continuity and checkpoint signatures. Exit 0: intact; 1: broken (the first broken record is named); 2: usage error.")
        {
            verifyDir, key, format,
        };
        verify.SetAction(p => Verify(console, p.GetValue(verifyDir), p.GetValue(key), p.GetValue(format) ?? "text"));

        var tailDir = new Argument<string?>("dir") { Arity = ArgumentArity.ZeroOrOne, Description = "Audit directory (default: $PALISADE_HOME/audit)." };
        var count = new Option<int>("--lines", "-n") { Description = "How many records to print.", DefaultValueFactory = _ => 10 };
        var tail = new Command("tail", "Print the newest records, oldest first, as JSON lines.") { tailDir, count };
        tail.SetAction(p => Tail(console, p.GetValue(tailDir), p.GetValue(count)));

        command.Subcommands.Add(verify);
        command.Subcommands.Add(tail);
        return command;
    }

    private static int Verify(CliConsole console, string? dir, string? keyPath, string format)
    {
        var home = PalisadeHome.FromEnvironment();
        dir ??= home.AuditDirectory;
        if (!Directory.Exists(dir)) return Usage(console, $"audit directory '{dir}' does not exist; pass the directory the log was written to.");
        keyPath ??= AuditSigningKey.PublicKeyPath(home);
        AuditTrustedKey trusted;
        try
        {
            trusted = AuditTrustedKey.FromFile(keyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or AuditException)
        {
            return Usage(console, $"cannot use '{keyPath}' as the trusted audit key: {e.Message} Pass the public key that signed the log with --key FILE.");
        }

        AuditVerifyReport report;
        using (trusted)
        {
            try
            {
                report = AuditVerifier.Verify(dir, trusted);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                return Usage(console, $"cannot read the audit log in '{dir}': {e.Message}");
            }
        }
        if (format == "json") console.Out.WriteLine(ScanCommand.ToJson(w => WriteJson(w, report)));
        else WriteText(console.Out, report);
        return report.Intact ? ExitCodes.Ok : ExitCodes.Stopped;
    }

    private static void WriteText(TextWriter o, AuditVerifyReport r)
    {
        var counts = $"{r.Files} file{S(r.Files)}, {r.Records} record{S(r.Records)}, {r.Checkpoints} checkpoint{S(r.Checkpoints)}, {r.Gaps} gap{S(r.Gaps)}"
            + (r.Gaps > 0 ? $" ({r.DroppedBytes} bytes dropped)" : "");
        if (r.Failure is { } f)
        {
            o.WriteLine($"audit log BROKEN in {r.Directory}: {f.File} line {f.Line}{(f.Seq is { } s ? $" (seq {s})" : "")}: {f.Problem}");
            o.WriteLine($"intact before it: {counts}.");
            return;
        }
        o.WriteLine($"audit log intact in {r.Directory}: {counts}; last seq {r.LastSeq}; signatures checked with key {r.KeyId}.");
        if (r.UnsignedTail > 0) o.WriteLine($"{r.UnsignedTail} record{S(r.UnsignedTail)} after the last checkpoint {(r.UnsignedTail == 1 ? "is" : "are")} chained but not yet signed.");
    }

    private static void WriteJson(Utf8JsonWriter w, AuditVerifyReport r)
    {
        w.WriteStartObject();
        w.WriteBoolean("intact", r.Intact);
        w.WriteString("directory", r.Directory);
        w.WriteString("key_id", r.KeyId);
        w.WriteNumber("files", r.Files);
        w.WriteNumber("records", r.Records);
        w.WriteNumber("checkpoints", r.Checkpoints);
        w.WriteNumber("gaps", r.Gaps);
        w.WriteNumber("dropped_bytes", r.DroppedBytes);
        w.WriteNumber("last_seq", r.LastSeq);
        w.WriteNumber("unsigned_tail", r.UnsignedTail);
        if (r.Failure is { } f)
        {
            w.WriteStartObject("failure");
            w.WriteString("file", f.File);
            w.WriteNumber("line", f.Line);
            if (f.Seq is { } s) w.WriteNumber("seq", s); else w.WriteNull("seq");
            w.WriteString("problem", f.Problem);
            w.WriteEndObject();
        }
        else w.WriteNull("failure");
        w.WriteEndObject();
    }

    private static int Tail(CliConsole console, string? dir, int count)
    {
        dir ??= PalisadeHome.FromEnvironment().AuditDirectory;
        if (!Directory.Exists(dir)) return Usage(console, $"audit directory '{dir}' does not exist.");
        if (count < 1) return Usage(console, "-n must be at least 1.");
        try
        {
            foreach (var line in AuditLogReader.LastLines(dir, count)) console.Out.WriteLine(line);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Usage(console, $"cannot read the audit log in '{dir}': {e.Message}");
        }
        return ExitCodes.Ok;
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine($"palisade audit: {message}");
        return ExitCodes.UsageError;
    }

    private static string S(long n) => n == 1 ? "" : "s";
}
