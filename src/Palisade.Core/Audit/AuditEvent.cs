using System.Text;
using Palisade.Core.Model;

namespace Palisade.Core.Audit;

/// <summary>
/// What happened, as an enforcement point hands it to the recorder: everything in a record except the
/// chain (<c>seq</c>, <c>ts</c>, <c>prev</c>, <c>sig</c>, <c>hash</c>), which the log assigns when it appends.
/// Null members are left out of the record. Never holds caught content: only its length and redacted evidence.
/// </summary>
public sealed record AuditEvent
{
    public required AuditRecordType Type { get; init; }

    /// <summary>A time-ordered unique id (UUIDv7), also quoted in block responses so a person can find the record.</summary>
    public required string EventId { get; init; }

    /// <summary>The enforcement point: <c>scan</c>, <c>gateway</c>, <c>mcp</c>, <c>proxy</c>, <c>hook</c>, <c>sdk</c>.</summary>
    public string? Surface { get; init; }
    public string? Kind { get; init; }
    public string? Direction { get; init; }
    public string? Source { get; init; }
    public string? Session { get; init; }
    public string? Agent { get; init; }
    public string? Transport { get; init; }
    public string? Decision { get; init; }
    public string? WouldDecide { get; init; }
    public string? Rule { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<AuditFinding>? Findings { get; init; }

    /// <summary>UTF-8 length of the content judged. A hash of it is deliberately not kept: short values could be brute-forced from it.</summary>
    public long? ContentLength { get; init; }

    /// <summary>For a gap record: how many bytes of a torn tail were dropped.</summary>
    public long? DroppedBytes { get; init; }

    /// <summary>Surface-specific facts (provider, model, tokens, batch id). Keys are snake_case: <c>[a-z0-9_]{1,64}</c>.</summary>
    public IReadOnlyDictionary<string, string>? Extra
    {
        get;
        init
        {
            if (value is not null)
                foreach (var key in value.Keys)
                    if (!IsValidExtraKey(key)) throw new ArgumentException($"audit extra key '{key}' must be 1-64 characters of a-z, 0-9 and _.", nameof(Extra));
            field = value;
        }
    }

    /// <summary>For a checkpoint: the id of the key that signed it.</summary>
    public string? KeyId { get; init; }

    /// <summary>A new sortable event id: a UUIDv7 whose leading bits are the time, so ids sort by when they were made.</summary>
    public static string NewId(TimeProvider time) => Guid.CreateVersion7(time.GetUtcNow()).ToString("D");

    /// <summary>The record of one verdict. <paramref name="contentLength"/> defaults to the UTF-8 length of the action's fields.</summary>
    public static AuditEvent ForVerdict(string surface, AgentAction action, Verdict verdict, string eventId,
        IReadOnlyDictionary<string, string>? extra = null, long? contentLength = null) => new()
    {
        Type = AuditRecordType.Verdict,
        EventId = eventId,
        Surface = surface,
        Kind = AuditWireNames.Of(action.Kind),
        Direction = AuditWireNames.Of(action.Direction),
        Source = AuditWireNames.Of(action.Source),
        Session = action.SessionId,
        Agent = action.AgentId,
        Transport = action.Transport,
        Decision = verdict.Decision.ToWire(),
        WouldDecide = verdict.WouldDecide.ToWire(),
        Rule = verdict.DecidingRule,
        Reason = verdict.Reason,
        Findings = [.. verdict.Findings.Select(AuditFinding.From)],
        ContentLength = contentLength ?? action.Fields.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Text)),
        Extra = extra is { Count: > 0 } ? extra : null,
    };

    /// <summary>The first record a long-running enforcement point writes.</summary>
    public static AuditEvent Start(string surface, string eventId, IReadOnlyDictionary<string, string>? extra = null) => new()
    {
        Type = AuditRecordType.Start,
        EventId = eventId,
        Surface = surface,
        Extra = extra is { Count: > 0 } ? extra : null,
    };

    internal static bool IsValidExtraKey(string key) =>
        key.Length is > 0 and <= 64 && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
}
