namespace Palisade.Core.Audit;

/// <summary>
/// The tail this writer left after its last batch, with what the disk looked like then: the day file's length and
/// write time, and the directory's write time (which moves when any writer creates, cuts to a side file or removes a
/// file). Valid only while all three are unchanged; the caller must hold the directory's lock.
/// </summary>
internal sealed record WrittenTail(AuditTail Tail, string File, long Length, DateTime FileWrittenUtc, DateTime DirectoryWrittenUtc)
{
    public static WrittenTail? After(string directory, string file, long length, AuditTail tail)
    {
        var info = new FileInfo(file);
        // A length that differs from what was just written means another writer got in between: read the disk next time.
        return info.Exists && info.Length == length
            ? new WrittenTail(tail, file, length, info.LastWriteTimeUtc, System.IO.Directory.GetLastWriteTimeUtc(directory))
            : null;
    }

    /// <summary>The kept tail if nothing moved since it was written; null to read it from disk.</summary>
    public AuditTail? StillValid(string directory)
    {
        var info = new FileInfo(File);
        return info.Exists && info.Length == Length && info.LastWriteTimeUtc == FileWrittenUtc
            && System.IO.Directory.GetLastWriteTimeUtc(directory) == DirectoryWrittenUtc
            ? Tail
            : null;
    }
}
