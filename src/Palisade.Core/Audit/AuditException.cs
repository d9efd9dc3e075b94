namespace Palisade.Core.Audit;

/// <summary>The audit log could not be written or read. The message says what happened and what to do.</summary>
public class AuditException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A line is not a valid record: bad JSON, a hash that does not match, an unknown field, a non-canonical encoding.</summary>
public sealed class AuditFormatException(string message, long? seq = null, bool newerVersion = false) : AuditException(message)
{
    /// <summary>The record's <c>seq</c> when the line got far enough to show one.</summary>
    public long? Seq { get; } = seq;

    /// <summary>The line names a format version this build does not know: written by a newer Palisade, not damaged.</summary>
    public bool NewerVersion { get; } = newerVersion;
}
