using System.Diagnostics;

namespace Palisade.Core.Audit;

/// <summary>
/// The exclusive lock every append batch holds: the <c>.lock</c> file opened with <see cref="FileShare.None"/>,
/// which .NET turns into <c>flock(LOCK_EX)</c> on Unix and a share-mode lock on Windows. The kernel drops it
/// when the holder dies, so a crashed writer never leaves a stale lock. Waits are real time (not the
/// injected clock): they bound how long a caller is held up, whatever the records' timestamps say.
/// </summary>
internal sealed class AuditFileLock : IDisposable
{
    private readonly FileStream _stream;

    private AuditFileLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock, retrying with backoff (1 ms doubling to 50 ms); throws <see cref="AuditException"/> after <paramref name="timeout"/>.</summary>
    public static AuditFileLock Acquire(string directory, TimeSpan timeout) =>
        TryAcquire(directory, timeout, FileMode.OpenOrCreate, FileAccess.ReadWrite, out var error)
        ?? throw new AuditException($"could not lock the audit log in {directory} within {timeout.TotalSeconds:0.###} s: another writer holds {LockFileName(directory)} ({error}). If no Palisade process is running, check that the directory is on a local disk.");

    /// <summary>For readers: takes the lock if there is one to take (a copied log may have none, or be read-only); null otherwise.</summary>
    public static AuditFileLock? TryAcquireExisting(string directory, TimeSpan timeout) =>
        File.Exists(LockFileName(directory)) ? TryAcquire(directory, timeout, FileMode.Open, FileAccess.Read, out _) : null;

    private static AuditFileLock? TryAcquire(string directory, TimeSpan timeout, FileMode mode, FileAccess access, out string error)
    {
        var options = AuditFiles.PrivateFile(mode, access, FileShare.None);
        var clock = Stopwatch.StartNew();
        var backoff = 1;
        while (true)
        {
            try
            {
                error = "";
                return new AuditFileLock(new FileStream(LockFileName(directory), options));
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
            {
                error = e.Message;
            }
            catch (Exception e) when (mode == FileMode.Open && e is FileNotFoundException or UnauthorizedAccessException)
            {
                error = e.Message;
                return null;
            }
            if (clock.Elapsed >= timeout) return null;
            Thread.Sleep(backoff);
            backoff = Math.Min(backoff * 2, 50);
        }
    }

    private static string LockFileName(string directory) => Path.Combine(directory, AuditFiles.LockFileName);

    public void Dispose() => _stream.Dispose();
}
