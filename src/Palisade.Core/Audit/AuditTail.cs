namespace Palisade.Core.Audit;

/// <summary>Where the chain ends: the last good record (or genesis), the newest file, and what a repair dropped.</summary>
internal sealed record AuditTail(AuditRecord? Last, DateOnly? NewestFileDay, long DroppedBytes, string? DropReason)
{
    public long Seq => Last?.Seq ?? 0;
    public string Hash => Last?.Hash ?? AuditRecord.GenesisHash;

    /// <summary>
    /// Finds the last record that verifies, seeking from the end of the newest file. Bytes after it — a
    /// half-written record from a writer that crashed, or a last line that does not verify — are copied to
    /// a <c>.dropped-at-OFFSET</c> side file and cut off, so the chain can go on; the caller records a gap.
    /// The caller must hold the lock. Refuses to cut more than <paramref name="maxRepairBytes"/>: that much
    /// damage is not a torn write, and a person should look first.
    /// </summary>
    public static AuditTail ReadAndRepair(string directory, long maxRepairBytes)
    {
        var files = AuditFiles.List(directory);
        DateOnly? newestDay = files.Count > 0 && AuditFiles.TryParseDay(Path.GetFileName(files[^1]), out var d) ? d : null;
        long dropped = 0;
        string? reason = null;
        for (var i = files.Count - 1; i >= 0; i--)
        {
            using var fs = new FileStream(files[i], FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            var length = fs.Length;
            AuditRecord? last = null;
            long goodEnd = 0;
            foreach (var line in AuditLines.Backward(fs))
            {
                var problem = "";
                if (line.Terminated && TryVerify(directory, line, out var record, out problem))
                {
                    last = record;
                    goodEnd = line.Start + line.Bytes.Length + 1;
                    break;
                }
                reason ??= line.Terminated ? $"the last record did not verify: {problem}" : "the last record was incomplete (a writer stopped mid-record)";
                if (dropped + length - line.Start > maxRepairBytes)
                    throw new AuditException($"the last {dropped + length - line.Start} bytes of the audit log in {directory} do not verify: more than a torn write. Run 'palisade audit verify {directory}' and move the damaged file aside.");
            }
            if (goodEnd < length)
            {
                fs.Position = goodEnd;
                var cut = new byte[length - goodEnd];
                fs.ReadExactly(cut);
                using (var side = new FileStream($"{files[i]}.dropped-at-{goodEnd}", AuditFiles.PrivateFile(FileMode.Create, FileAccess.Write, FileShare.None)))
                {
                    side.Write(cut);
                    side.Flush(flushToDisk: true);
                }
                fs.SetLength(goodEnd);
                fs.Flush(flushToDisk: true);
                dropped += cut.Length;
            }
            if (last is not null) return new AuditTail(last, newestDay, dropped, reason);
        }
        return new AuditTail(null, newestDay, dropped, reason);
    }

    private static bool TryVerify(string directory, AuditLine line, out AuditRecord? record, out string problem)
    {
        try
        {
            record = AuditRecordReader.Parse(line.Bytes);
            problem = "";
            return true;
        }
        catch (AuditFormatException e) when (!e.NewerVersion)
        {
            record = null;
            problem = e.Message;
            return false;
        }
        catch (AuditFormatException e)
        {
            throw new AuditException($"the audit log in {directory} was written by a newer Palisade: {e.Message}", e);
        }
    }
}
