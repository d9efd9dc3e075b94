using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Palisade.Core.Audit;

/// <summary>
/// Writes records in the canonical form <c>docs/audit.md</c> documents: members in a fixed order, absent
/// members left out, no whitespace, strings escaped by <see cref="AuditJsonString"/>. The hash covers the
/// line without its trailing <c>,"hash":"…"</c> member; a checkpoint's signature covers it without
/// <c>,"sig":"…"</c> either. Both are computed on the exact bytes written, so a verifier never re-encodes.
/// </summary>
internal static class AuditRecordWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = false };

    /// <summary>Chains <paramref name="e"/> after <paramref name="prev"/>; returns the record and its line (with the newline).</summary>
    public static (AuditRecord Record, byte[] Line) Create(long seq, DateTimeOffset ts, AuditEvent e, string prev, AuditSigningKey? signer)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using var w = new Utf8JsonWriter(buffer, Options);
        WriteBody(w, seq, ts, e, prev);
        string? sig = null;
        if (e.Type == AuditRecordType.Checkpoint)
        {
            if (signer is null) throw new InvalidOperationException("a checkpoint needs a signing key.");
            w.Flush();
            sig = signer.Sign(Closed(buffer.WrittenSpan));
            AuditJsonString.Write(w, "sig", sig);
        }
        w.Flush();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Closed(buffer.WrittenSpan)));
        AuditJsonString.Write(w, "hash", hash);
        w.WriteEndObject();
        w.Flush();
        var line = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(line);
        line[^1] = (byte)'\n';
        return (new AuditRecord(seq, ts, e, prev, sig, hash), line);
    }

    /// <summary>The canonical bytes of a record as it stands (without the newline); a reader compares them with the line it read.</summary>
    public static byte[] Serialize(AuditRecord r)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            WriteBody(w, r.Seq, r.Timestamp, r.Event, r.Prev);
            if (r.Signature is not null) AuditJsonString.Write(w, "sig", r.Signature);
            AuditJsonString.Write(w, "hash", r.Hash);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static string FormatTimestamp(DateTimeOffset ts) =>
        ts.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Records keep milliseconds; anything finer is dropped before the record is made so it round-trips.</summary>
    public static DateTimeOffset TruncateToMilliseconds(DateTimeOffset ts)
    {
        var ticks = ts.UtcTicks;
        return new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    /// <summary>An open object's bytes plus the closing brace: what hashes and signatures cover.</summary>
    internal static byte[] Closed(ReadOnlySpan<byte> open)
    {
        var bytes = new byte[open.Length + 1];
        open.CopyTo(bytes);
        bytes[^1] = (byte)'}';
        return bytes;
    }

    private static void WriteBody(Utf8JsonWriter w, long seq, DateTimeOffset ts, AuditEvent e, string prev)
    {
        w.WriteStartObject();
        w.WriteNumber("v", AuditRecord.FormatVersion);
        w.WriteNumber("seq", seq);
        AuditJsonString.Write(w, "ts", FormatTimestamp(ts));
        AuditJsonString.Write(w, "type", e.Type.ToWire());
        AuditJsonString.Write(w, "event_id", e.EventId);
        Optional(w, "surface", e.Surface);
        Optional(w, "kind", e.Kind);
        Optional(w, "direction", e.Direction);
        Optional(w, "source", e.Source);
        Optional(w, "session", e.Session);
        Optional(w, "agent", e.Agent);
        Optional(w, "transport", e.Transport);
        Optional(w, "decision", e.Decision);
        Optional(w, "would_decide", e.WouldDecide);
        Optional(w, "rule", e.Rule);
        Optional(w, "reason", e.Reason);
        if (e.Findings is { } findings)
        {
            w.WriteStartArray("findings");
            foreach (var f in findings)
            {
                w.WriteStartObject();
                AuditJsonString.Write(w, "rule", f.Rule);
                AuditJsonString.Write(w, "scanner", f.Scanner);
                AuditJsonString.Write(w, "category", f.Category);
                AuditJsonString.Write(w, "severity", f.Severity);
                AuditJsonString.Write(w, "action", f.Action);
                AuditJsonString.Write(w, "field", f.Field);
                AuditJsonString.Write(w, "evidence", f.Evidence);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (e.ContentLength is { } length) w.WriteNumber("content_length", length);
        if (e.DroppedBytes is { } dropped) w.WriteNumber("dropped_bytes", dropped);
        if (e.Extra is { Count: > 0 } extra)
        {
            w.WriteStartObject("extra");
            foreach (var key in extra.Keys.Order(StringComparer.Ordinal)) AuditJsonString.Write(w, key, extra[key]);
            w.WriteEndObject();
        }
        Optional(w, "key_id", e.KeyId);
        AuditJsonString.Write(w, "prev", prev);
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) AuditJsonString.Write(w, name, value);
    }
}
