using Palisade.Core.Model;

namespace Palisade.Core.Analyzers.Paths;

/// <summary>
/// What <c>palisade scan --kind path</c> reads: a path, optionally after an operation (<c>write:~/.bashrc</c>,
/// <c>delete:…</c>, <c>execute:…</c>, <c>read:…</c>). A plain path is a read. A drive letter (<c>C:\…</c>) is not an operation.
/// </summary>
public static class FileAccessInput
{
    public static readonly IReadOnlyDictionary<string, FileOperation> Operations = new Dictionary<string, FileOperation>(StringComparer.OrdinalIgnoreCase)
    {
        ["read"] = FileOperation.Read,
        ["write"] = FileOperation.Write,
        ["delete"] = FileOperation.Delete,
        ["execute"] = FileOperation.Execute,
    };

    public static string ToWire(this FileOperation op) => op switch
    {
        FileOperation.Read => "read",
        FileOperation.Write => "write",
        FileOperation.Delete => "delete",
        FileOperation.Execute => "execute",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>Splits off the operation; trims the line end and one pair of surrounding quotes, as typed on a command line.</summary>
    public static (FileOperation Operation, string Path) Parse(string content)
    {
        var s = content.Trim();
        var op = FileOperation.Read;
        var colon = s.IndexOf(':');
        if (colon > 1 && Operations.TryGetValue(s[..colon], out var named))
        {
            op = named;
            s = s[(colon + 1)..].Trim();
        }
        if (s.Length >= 2 && s[0] is '"' or '\'' && s[^1] == s[0]) s = s[1..^1];
        return (op, s);
    }

    /// <summary>The file access a <c>--kind path</c> input stands for; content scanners read the path itself.</summary>
    public static AgentAction ToAction(string content)
    {
        var (op, path) = Parse(content);
        return AgentAction.FromText(ActionKind.FileAccess, path) with { Path = path, FileOperation = op };
    }
}
