namespace Palisade.Core.Audit;

/// <summary>
/// Checks a whole audit directory, oldest file first: every line parses and is canonical, its hash matches,
/// <c>seq</c> counts up by one from 1, <c>prev</c> is the hash of the record before (64 zeros for the first),
/// and every checkpoint is signed by the trusted key. Stops at the first broken record and names it.
/// </summary>
public static class AuditVerifier
{
    public static AuditVerifyReport Verify(string directory, AuditTrustedKey trustedKey)
    {
        directory = Path.GetFullPath(directory);
        var report = new AuditVerifyReport { Directory = directory, KeyId = trustedKey.KeyId };
        var files = Snapshot(directory);
        long expectedSeq = 1, sinceCheckpoint = 0;
        var prev = AuditRecord.GenesisHash;
        foreach (var (path, length) in files)
        {
            report = report with { Files = report.Files + 1 };
            var name = Path.GetFileName(path);
            long lineNumber = 0;
            foreach (var line in AuditLines.Forward(path, length))
            {
                lineNumber++;
                AuditVerifyReport Fail(long? seq, string problem) =>
                    report with { Failure = new AuditVerifyFailure(name, lineNumber, seq, problem), UnsignedTail = sinceCheckpoint };
                if (!line.Terminated) return Fail(null, "the last line is incomplete: a writer stopped mid-record (the next append cuts it off and records a gap); the records before it are intact.");
                if (line.Bytes.Length == 0) return Fail(null, "empty line.");
                AuditRecord record;
                try
                {
                    record = AuditRecordReader.Parse(line.Bytes);
                }
                catch (AuditFormatException e)
                {
                    return Fail(e.Seq, e.Message);
                }
                if (record.Seq != expectedSeq)
                    return Fail(record.Seq, $"seq {record.Seq} where {expectedSeq} was expected: a record was removed, inserted or reordered.");
                if (record.Prev != prev)
                    return Fail(record.Seq, "prev does not match the hash of the record before it: a record was removed, inserted, reordered or rewritten.");
                if (record.Type == AuditRecordType.Checkpoint)
                {
                    if (record.Event.KeyId != trustedKey.KeyId)
                        return Fail(record.Seq, $"checkpoint signed by key {record.Event.KeyId ?? "(none)"}, not the trusted key {trustedKey.KeyId}.");
                    if (record.Signature is null || !trustedKey.Verify(AuditRecordReader.SignedBytes(line.Bytes), record.Signature))
                        return Fail(record.Seq, "checkpoint signature does not verify with the trusted key: the chain before it was rewritten, or the signature altered.");
                    sinceCheckpoint = 0;
                    report = report with { Checkpoints = report.Checkpoints + 1 };
                }
                else sinceCheckpoint++;
                if (record.Type == AuditRecordType.Gap)
                    report = report with { Gaps = report.Gaps + 1, DroppedBytes = report.DroppedBytes + (record.Event.DroppedBytes ?? 0) };
                report = report with { Records = report.Records + 1, LastSeq = record.Seq };
                prev = record.Hash;
                expectedSeq++;
            }
        }
        return report with { UnsignedTail = sinceCheckpoint };
    }

    /// <summary>
    /// The files and their lengths, taken under the writers' lock when there is one to take, so a batch
    /// being written while we read is not mistaken for a torn tail. Files only grow (a repair cuts only
    /// what a crash left), so everything up to these lengths stays put while we read without the lock.
    /// </summary>
    private static List<(string Path, long Length)> Snapshot(string directory)
    {
        using var _ = AuditFileLock.TryAcquireExisting(directory, TimeSpan.FromSeconds(2));
        return [.. AuditFiles.List(directory).Select(path => (path, new FileInfo(path).Length))];
    }
}
