using System.Text;

namespace Palisade.Core.Audit;

/// <summary>Reads the newest records for people (<c>palisade audit tail</c>); proves nothing — that is <see cref="AuditVerifier"/>'s job.</summary>
public static class AuditLogReader
{
    /// <summary>The last <paramref name="count"/> complete lines across the day files, oldest first, read from the end of the newest files.</summary>
    public static IReadOnlyList<string> LastLines(string directory, int count)
    {
        var lines = new List<string>(Math.Max(0, count));
        var files = AuditFiles.List(directory);
        for (var i = files.Count - 1; i >= 0 && lines.Count < count; i--)
        {
            using var fs = new FileStream(files[i], FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            foreach (var line in AuditLines.Backward(fs))
            {
                if (lines.Count >= count) break;
                if (line.Terminated && line.Bytes.Length > 0) lines.Add(Encoding.UTF8.GetString(line.Bytes));
            }
        }
        lines.Reverse();
        return lines;
    }
}
