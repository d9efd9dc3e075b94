using System.Text;

namespace Palisade.Core.Analyzers.Commands;

/// <summary>
/// The text command rules match: one line per fact the analyzer established, each tagged with what it is.
/// <list type="bullet">
/// <item><c>cmd: PROGRAM ARGS… REDIRECTS</c> — a simple command, program resolved, arguments expanded and escaped
/// (a wrapped command appears twice: <c>cmd: sudo rm -r -f /</c> and <c>cmd: rm -r -f /</c>)</item>
/// <item><c>pipe: A | B | C</c> — a pipeline, each stage as the command it finally runs</item>
/// <item><c>set: NAME=VALUE</c> — a variable assignment</item>
/// <item><c>func: NAME calls-self piped background</c> — a function definition and how its body calls itself</item>
/// <item><c>ps: STATEMENT</c> — a PowerShell statement, lower-cased, aliases resolved, strings joined</item>
/// <item><c>flow: credential-exfil PROGRAM</c>, <c>flow: bulk-exfil PROGRAM</c>, <c>flow: download-exec PATH</c>,
/// <c>flow: decoded-exec LANGUAGE</c>, <c>flow: decoded-file-exec LANGUAGE|PATH</c>, <c>flow: temp-staged-exec PATH</c>,
/// <c>flow: space-after-name PATH</c>, <c>flow: shell-spawn PROGRAM</c> — what the flow checks concluded</item>
/// <item><c>note: unparseable REASON</c> — text that could not be read completely</item>
/// </list>
/// Each line remembers the span of the original text it came from, so a finding points at the command that caused it.
/// </summary>
public sealed class CanonicalForm(int maxChars)
{
    private readonly StringBuilder _text = new(Math.Min(maxChars, 256));
    private readonly List<(int Offset, int Start, int Length)> _lines = new(16);
    private readonly HashSet<string> _seen = new(16, StringComparer.Ordinal);

    public bool Truncated { get; private set; }

    private string? _built;

    public string Text => _built ??= _text.ToString();

    public int LineCount => _lines.Count;

    /// <summary>Adds a line (once: the same fact twice is one line). Returns false when the form is full.</summary>
    public bool Add(string kind, string body, int start, int length)
    {
        var line = $"{kind}: {body}";
        if (!_seen.Add(line)) return true;
        if (_text.Length + line.Length + 1 > maxChars)
        {
            Truncated = true;
            return false;
        }
        _built = null;
        _lines.Add((_text.Length, start, length));
        _text.Append(line).Append('\n');
        return true;
    }

    public bool Contains(string kind, string body) => _seen.Contains($"{kind}: {body}");

    /// <summary>The facts the flow checks write (<c>flow: FACT …</c>): the analyzer's vocabulary, never text from the line.</summary>
    public static bool IsFlowFact(ReadOnlySpan<char> word) =>
        word is "credential-exfil" or "bulk-exfil" or "download-exec" or "decoded-exec" or "decoded-file-exec" or "decoded-payload" or "shell-spawn"
            or "temp-staged-exec" or "space-after-name" or "home-read-whole";

    /// <summary>The original-text span of the line holding <paramref name="offset"/>.</summary>
    public (int Start, int Length) SourceOf(int offset)
    {
        int lo = 0, hi = _lines.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_lines[mid].Offset <= offset) lo = mid;
            else hi = mid - 1;
        }
        return _lines.Count == 0 ? (0, 0) : (_lines[lo].Start, _lines[lo].Length);
    }

    /// <summary>The whole line holding <paramref name="offset"/>.</summary>
    public string LineAt(int offset)
    {
        var text = Text;
        offset = Math.Clamp(offset, 0, text.Length);
        var start = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        var end = text.IndexOf('\n', start);
        return end < 0 ? text[start..] : text[start..end];
    }
}
