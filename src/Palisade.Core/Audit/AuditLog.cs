using System.Buffers;
using Palisade.Core.Config;

namespace Palisade.Core.Audit;

/// <summary>
/// Appends records to the hash-chained log. Each call is one batch: take the directory's lock, read the
/// chain's tail from disk (other processes may have appended since), repair a torn tail, chain and write the
/// batch with one write, flush it to disk, release. Safe to share between threads and to run in many
/// processes at once. Failures throw <see cref="AuditException"/>: a caller that must fail closed can.
/// </summary>
/// <remarks>
/// A long-running writer is usually the only one: after each batch it keeps the tail it wrote, with the file's length
/// and times and the directory's time, and the next batch reuses it when none of them moved (no other writer appended,
/// cut or started a file). Anything else re-reads the tail from disk as before.
/// </remarks>
public sealed class AuditLog
{
    private readonly AuditLogOptions _options;
    private readonly Lazy<AuditSigningKey> _signingKey;
    private readonly Lock _gate = new();
    private WrittenTail? _written; // guarded by _gate

    public AuditLog(AuditLogOptions options, AuditSigningKey signingKey, TimeProvider time)
        : this(options, () => signingKey, time)
    {
    }

    /// <summary>
    /// A log that loads its signing key only when a checkpoint falls due: a hook process appends one record and rarely
    /// signs, and loading the key (OpenSSL, PEM parsing) was a measurable part of its start.
    /// </summary>
    public AuditLog(AuditLogOptions options, Func<AuditSigningKey> signingKey, TimeProvider time)
    {
        options.Validate();
        if (FileLockingDisabled())
            throw new AuditException("file locking is switched off (DOTNET_SYSTEM_IO_DISABLEFILELOCKING or System.IO.DisableFileLocking), and the audit log needs it to keep writers apart; unset it.");
        _options = options with { Directory = Path.GetFullPath(options.Directory) };
        _signingKey = new Lazy<AuditSigningKey>(() =>
        {
            try
            {
                return signingKey();
            }
            catch (Exception e) when (e is not AuditException)
            {
                throw new AuditException($"could not load the audit signing key: {e.Message}", e);
            }
        });
        Time = time;
    }

    public string Directory => _options.Directory;
    public TimeProvider Time { get; }

    /// <summary>
    /// Appends <paramref name="events"/> (verdict or start records) as one batch, with any checkpoint that
    /// falls due, a gap record first if a torn tail was repaired, and a closing checkpoint when
    /// <paramref name="checkpoint"/> is set (unless the log already ends with one). Returns every record written.
    /// </summary>
    public IReadOnlyList<AuditRecord> Append(IReadOnlyList<AuditEvent> events, bool checkpoint = false)
    {
        foreach (var e in events) EnsureAppendable(e);
        lock (_gate)
        {
            try
            {
                PalisadeHome.EnsurePrivateDirectory(Directory);
                using var fileLock = AuditFileLock.Acquire(Directory, _options.LockTimeout);
                var tail = _written?.StillValid(Directory) ?? AuditTail.ReadAndRepair(Directory, _options.MaxRepairBytes);
                _written = null;
                var now = AuditRecordWriter.TruncateToMilliseconds(Time.GetUtcNow());
                var (records, bytes) = Chain(tail, events, checkpoint, now);
                if (records.Count == 0) return records;
                var file = FileFor(now, tail);
                var length = WriteDurably(file, bytes);
                _written = WrittenTail.After(Directory, file, length, new AuditTail(records[^1], AuditFiles.DayOf(file), 0, null));
                return records;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _written = null;
                throw new AuditException($"could not append to the audit log in {Directory}: {e.Message}", e);
            }
        }
    }

    /// <summary>Callers append verdicts and starts; checkpoints and gaps are the log's own, so a caller cannot forge one.</summary>
    internal static void EnsureAppendable(AuditEvent e)
    {
        if (e.Type is not (AuditRecordType.Verdict or AuditRecordType.Start) || string.IsNullOrEmpty(e.EventId))
            throw new ArgumentException("only verdict and start events with an event id can be appended; the log writes checkpoints and gaps itself.", nameof(e));
    }

    /// <summary>Writes a checkpoint unless the log is empty or already ends with one: what an orderly close does.</summary>
    public AuditRecord? Checkpoint() => Append([], checkpoint: true) is [.., var last] ? last : null;

    private (List<AuditRecord> Records, byte[] Bytes) Chain(AuditTail tail, IReadOnlyList<AuditEvent> events, bool closingCheckpoint, DateTimeOffset now)
    {
        var records = new List<AuditRecord>(events.Count + 2);
        var bytes = new ArrayBufferWriter<byte>(events.Count * 512 + 512);
        var seq = tail.Seq;
        var prev = tail.Hash;
        var lastType = tail.Last?.Type;

        void Add(AuditEvent e)
        {
            var (record, line) = AuditRecordWriter.Create(++seq, now, e, prev, e.Type == AuditRecordType.Checkpoint ? _signingKey.Value : null);
            bytes.Write(line);
            records.Add(record);
            prev = record.Hash;
            lastType = record.Type;
        }

        if (tail.DroppedBytes > 0)
            Add(new AuditEvent { Type = AuditRecordType.Gap, EventId = AuditEvent.NewId(Time), DroppedBytes = tail.DroppedBytes, Reason = tail.DropReason });
        foreach (var e in events)
        {
            if ((seq + 1) % _options.CheckpointInterval == 0) Add(CheckpointEvent());
            Add(e);
        }
        if (closingCheckpoint && lastType is not null and not AuditRecordType.Checkpoint) Add(CheckpointEvent());
        return (records, bytes.WrittenSpan.ToArray());
    }

    private AuditEvent CheckpointEvent() =>
        new() { Type = AuditRecordType.Checkpoint, EventId = AuditEvent.NewId(Time), KeyId = _signingKey.Value.KeyId };

    /// <summary>Today's file, or the newest file if the clock stepped back past midnight: the chain never goes back to an older file.</summary>
    private string FileFor(DateTimeOffset now, AuditTail tail)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (tail.NewestFileDay is { } newest && newest > day) day = newest;
        return Path.Combine(Directory, AuditFiles.NameFor(day));
    }

    /// <summary>Appends and flushes to disk; returns the file's length after the write.</summary>
    private static long WriteDurably(string path, byte[] bytes)
    {
        using var fs = new FileStream(path, AuditFiles.PrivateFile(FileMode.Append, FileAccess.Write, FileShare.ReadWrite));
        fs.Write(bytes);
        fs.Flush(flushToDisk: true);
        return fs.Position;
    }

    private static bool FileLockingDisabled() =>
        (AppContext.TryGetSwitch("System.IO.DisableFileLocking", out var disabled) && disabled)
        || Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is "1" or "true" or "TRUE" or "True";
}
