namespace Palisade.Core.Audit;

/// <summary>
/// One line of the flight recorder: an event plus its place in the chain. <see cref="Hash"/> is the
/// SHA-256 of the line without its <c>hash</c> member; <see cref="Prev"/> is the hash of the record before.
/// </summary>
public sealed record AuditRecord(long Seq, DateTimeOffset Timestamp, AuditEvent Event, string Prev, string? Signature, string Hash)
{
    /// <summary>The <c>v</c> member. A reader refuses versions it does not know rather than guess.</summary>
    public const int FormatVersion = 1;

    /// <summary>The <c>prev</c> of the very first record.</summary>
    public static readonly string GenesisHash = new('0', 64);

    public AuditRecordType Type => Event.Type;
}
