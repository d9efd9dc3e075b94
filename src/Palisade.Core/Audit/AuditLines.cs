using System.Buffers;

namespace Palisade.Core.Audit;

/// <summary>One line of an audit file: its bytes without the newline, where it starts, and whether a newline ended it.</summary>
internal readonly record struct AuditLine(long Start, byte[] Bytes, bool Terminated);

/// <summary>
/// Reads an audit file's lines forwards (verification, in constant memory per line) or backwards from the
/// end (the tail a writer needs, in a few small reads however large the file is).
/// </summary>
internal static class AuditLines
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Lines in <c>[0, length)</c> of <paramref name="path"/>, first to last; a last line without a newline comes out unterminated.</summary>
    public static IEnumerable<AuditLine> Forward(string path, long length)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        var pending = new ArrayBufferWriter<byte>();
        var chunk = new byte[ChunkSize];
        long offset = 0, lineStart = 0;
        while (offset < length)
        {
            var n = fs.Read(chunk, 0, (int)Math.Min(chunk.Length, length - offset));
            if (n == 0) break;
            var from = 0;
            int at;
            while ((at = Array.IndexOf(chunk, (byte)'\n', from, n - from)) >= 0)
            {
                pending.Write(chunk.AsSpan(from, at - from));
                yield return new AuditLine(lineStart, pending.WrittenSpan.ToArray(), true);
                pending.Clear();
                lineStart = offset + at + 1;
                from = at + 1;
            }
            pending.Write(chunk.AsSpan(from, n - from));
            offset += n;
        }
        if (pending.WrittenCount > 0) yield return new AuditLine(lineStart, pending.WrittenSpan.ToArray(), false);
    }

    /// <summary>Lines of an open file from the last to the first. Only the first one yielded can be unterminated.</summary>
    public static IEnumerable<AuditLine> Backward(FileStream fs)
    {
        var end = fs.Length;
        var buffer = new byte[8192];
        while (end > 0)
        {
            fs.Position = end - 1;
            var terminated = fs.ReadByte() == '\n';
            var contentEnd = terminated ? end - 1 : end;
            var start = LineStart(fs, contentEnd, buffer);
            var bytes = new byte[contentEnd - start];
            fs.Position = start;
            fs.ReadExactly(bytes);
            yield return new AuditLine(start, bytes, terminated);
            end = start;
        }
    }

    /// <summary>Where the line ending at <paramref name="end"/> starts: just after the previous newline, or 0.</summary>
    private static long LineStart(FileStream fs, long end, byte[] buffer)
    {
        var p = end;
        while (p > 0)
        {
            var n = (int)Math.Min(buffer.Length, p);
            fs.Position = p - n;
            fs.ReadExactly(buffer, 0, n);
            var at = buffer.AsSpan(0, n).LastIndexOf((byte)'\n');
            if (at >= 0) return p - n + at + 1;
            p -= n;
        }
        return 0;
    }
}
