using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Palisade.Core.Audit;

/// <summary>
/// Reads one line back into a record and proves it is what a writer wrote: valid JSON, a hash that matches
/// the bytes, a known version, only known fields, and the exact canonical encoding (so two readers can
/// never see different values in the same verified line: no duplicate keys, no alternative escapes).
/// Chain linkage and signatures need context and are checked by <see cref="AuditVerifier"/>.
/// </summary>
internal static class AuditRecordReader
{
    private static readonly byte[] HashMember = ",\"hash\":\""u8.ToArray();
    private static readonly byte[] SigMember = ",\"sig\":\""u8.ToArray();

    /// <summary>Length of the trailing <c>,"hash":"&lt;64 hex&gt;"}</c>.</summary>
    private static readonly int HashSuffixLength = HashMember.Length + 64 + 2;

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false, MaxDepth = 8 };

    /// <summary>Parses and checks a line (without its newline). Throws <see cref="AuditFormatException"/> saying what is wrong.</summary>
    public static AuditRecord Parse(ReadOnlyMemory<byte> line)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new AuditFormatException($"not valid JSON ({e.Message.Split(". ")[0]}).");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new AuditFormatException("not a JSON object.");
            long? seq = root.TryGetProperty("seq", out var s) && s.TryGetInt64(out var n) ? n : null;

            var span = line.Span;
            if (span.Length < HashSuffixLength + 1 || !span[^HashSuffixLength..].StartsWith(HashMember) || !span.EndsWith("\"}"u8))
                throw new AuditFormatException("the record does not end with its \"hash\" member.", seq);
            var claimed = Encoding.ASCII.GetString(span.Slice(span.Length - 66, 64));
            var actual = Convert.ToHexStringLower(SHA256.HashData(AuditRecordWriter.Closed(span[..^HashSuffixLength])));
            if (claimed != actual) throw new AuditFormatException("hash does not match the record's content (the record was altered).", seq);

            if (!root.TryGetProperty("v", out var v) || !v.TryGetInt32(out var version))
                throw new AuditFormatException("the \"v\" member is missing.", seq);
            if (version != AuditRecord.FormatVersion)
                throw new AuditFormatException($"format version {version} is not known to this Palisade (it reads version {AuditRecord.FormatVersion}); upgrade Palisade to read it.", seq, newerVersion: version > AuditRecord.FormatVersion);

            var record = Map(root, seq);
            if (!AuditRecordWriter.Serialize(record).AsSpan().SequenceEqual(span))
                throw new AuditFormatException("the record is not in canonical form (members reordered, duplicated or re-escaped).", seq);
            return record;
        }
    }

    /// <summary>The bytes a checkpoint's signature covers: the line up to <c>,"sig":"</c>, closed with <c>}</c>.</summary>
    public static byte[] SignedBytes(ReadOnlySpan<byte> line)
    {
        var at = line.LastIndexOf(SigMember);
        if (at < 0) throw new AuditFormatException("the checkpoint has no \"sig\" member.");
        return AuditRecordWriter.Closed(line[..at]);
    }

    private static AuditRecord Map(JsonElement root, long? seq)
    {
        long? recordSeq = null;
        DateTimeOffset? ts = null;
        AuditRecordType? type = null;
        string? prev = null, sig = null, hash = null;
        var e = new AuditEvent { Type = default, EventId = "" };
        string? eventId = null;
        foreach (var p in root.EnumerateObject())
        {
            switch (p.Name)
            {
                case "v": break;
                case "seq": recordSeq = Long(p, seq); break;
                case "ts": ts = Timestamp(p, seq); break;
                case "type":
                    type = AuditRecordTypeExtensions.TryParse(Str(p, seq), out var t) ? t
                        : throw new AuditFormatException($"unknown record type '{p.Value}'.", seq);
                    break;
                case "event_id": eventId = Str(p, seq); break;
                case "surface": e = e with { Surface = Str(p, seq) }; break;
                case "kind": e = e with { Kind = Str(p, seq) }; break;
                case "direction": e = e with { Direction = Str(p, seq) }; break;
                case "source": e = e with { Source = Str(p, seq) }; break;
                case "session": e = e with { Session = Str(p, seq) }; break;
                case "agent": e = e with { Agent = Str(p, seq) }; break;
                case "transport": e = e with { Transport = Str(p, seq) }; break;
                case "decision": e = e with { Decision = Str(p, seq) }; break;
                case "would_decide": e = e with { WouldDecide = Str(p, seq) }; break;
                case "rule": e = e with { Rule = Str(p, seq) }; break;
                case "reason": e = e with { Reason = Str(p, seq) }; break;
                case "findings": e = e with { Findings = Findings(p, seq) }; break;
                case "content_length": e = e with { ContentLength = Long(p, seq) }; break;
                case "dropped_bytes": e = e with { DroppedBytes = Long(p, seq) }; break;
                case "extra": e = e with { Extra = Extra(p, seq) }; break;
                case "key_id": e = e with { KeyId = Str(p, seq) }; break;
                case "prev": prev = Hex64(p, seq); break;
                case "sig": sig = Str(p, seq); break;
                case "hash": hash = Hex64(p, seq); break;
                default: throw new AuditFormatException($"unknown member \"{p.Name}\".", seq);
            }
        }
        if (recordSeq is null || ts is null || type is null || eventId is null || prev is null || hash is null)
            throw new AuditFormatException("a required member (seq, ts, type, event_id, prev or hash) is missing.", seq);
        return new AuditRecord(recordSeq.Value, ts.Value, e with { Type = type.Value, EventId = eventId }, prev, sig, hash);
    }

    private static string Str(JsonProperty p, long? seq) => p.Value.ValueKind == JsonValueKind.String
        ? p.Value.GetString()!
        : throw new AuditFormatException($"\"{p.Name}\" must be a string.", seq);

    private static long Long(JsonProperty p, long? seq) => p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt64(out var n) && n >= 0
        ? n
        : throw new AuditFormatException($"\"{p.Name}\" must be a non-negative integer.", seq);

    private static string Hex64(JsonProperty p, long? seq)
    {
        var s = Str(p, seq);
        return s.Length == 64 && s.All(char.IsAsciiHexDigitLower) ? s
            : throw new AuditFormatException($"\"{p.Name}\" must be 64 lowercase hex digits.", seq);
    }

    private static DateTimeOffset Timestamp(JsonProperty p, long? seq) =>
        DateTimeOffset.TryParseExact(Str(p, seq), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var ts)
            ? ts
            : throw new AuditFormatException("\"ts\" must be UTC ISO-8601 with milliseconds (yyyy-MM-ddTHH:mm:ss.fffZ).", seq);

    private static List<AuditFinding> Findings(JsonProperty p, long? seq)
    {
        if (p.Value.ValueKind != JsonValueKind.Array) throw new AuditFormatException("\"findings\" must be an array.", seq);
        var list = new List<AuditFinding>();
        foreach (var f in p.Value.EnumerateArray())
        {
            if (f.ValueKind != JsonValueKind.Object) throw new AuditFormatException("a finding must be an object.", seq);
            var values = new Dictionary<string, string>();
            foreach (var m in f.EnumerateObject()) values[m.Name] = Str(m, seq);
            string Get(string name) => values.TryGetValue(name, out var v) ? v : throw new AuditFormatException($"a finding has no \"{name}\".", seq);
            list.Add(new AuditFinding(Get("rule"), Get("scanner"), Get("category"), Get("severity"), Get("action"), Get("field"), Get("evidence")));
        }
        return list;
    }

    private static Dictionary<string, string> Extra(JsonProperty p, long? seq)
    {
        if (p.Value.ValueKind != JsonValueKind.Object) throw new AuditFormatException("\"extra\" must be an object.", seq);
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in p.Value.EnumerateObject())
        {
            if (!AuditEvent.IsValidExtraKey(m.Name)) throw new AuditFormatException($"extra key \"{m.Name}\" is not snake_case.", seq);
            extra[m.Name] = Str(m, seq);
        }
        return extra;
    }
}
