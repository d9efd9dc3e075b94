namespace Palisade.Core.Audit;

/// <summary>What a record in the flight recorder is. The wire names are part of the audit format.</summary>
public enum AuditRecordType
{
    /// <summary>A verdict an enforcement point made.</summary>
    Verdict,

    /// <summary>A signature over the chain so far, written every N records and on orderly close.</summary>
    Checkpoint,

    /// <summary>Bytes a crashed writer left half-written were dropped; says how many.</summary>
    Gap,

    /// <summary>A long-running enforcement point started recording.</summary>
    Start,
}

public static class AuditRecordTypeExtensions
{
    public static string ToWire(this AuditRecordType type) => type switch
    {
        AuditRecordType.Verdict => "verdict",
        AuditRecordType.Checkpoint => "checkpoint",
        AuditRecordType.Gap => "gap",
        AuditRecordType.Start => "start",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static bool TryParse(string? wire, out AuditRecordType type)
    {
        switch (wire)
        {
            case "verdict": type = AuditRecordType.Verdict; return true;
            case "checkpoint": type = AuditRecordType.Checkpoint; return true;
            case "gap": type = AuditRecordType.Gap; return true;
            case "start": type = AuditRecordType.Start; return true;
            default: type = default; return false;
        }
    }
}
