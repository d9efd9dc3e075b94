using System.Text;

namespace Palisade.Mcp.Transport;

/// <summary>
/// Server-sent events as MCP's streamable HTTP uses them: each event's <c>data</c> lines joined are one JSON-RPC
/// message. Events named other than <c>message</c> are ignored; the line cap applies to every line, so one event
/// cannot grow without bound either (its data is capped at the same size).
/// </summary>
public static class SseFrames
{
    public static async IAsyncEnumerable<McpFrame> ReadAsync(Stream body, int maxBytes, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        var lines = new LineFramer(body, maxBytes, keepEmptyLines: true);
        var data = new StringBuilder();
        string? eventName = null;
        var tooLarge = false;
        while (await lines.ReadAsync(cancel).ConfigureAwait(false) is { } frame)
        {
            if (frame.Problem is not null)
            {
                tooLarge = true;
                continue;
            }
            var line = frame.Text!;
            if (line.Length == 0)
            {
                if (tooLarge) yield return McpFrame.Rejected($"a server-sent event larger than {maxBytes} bytes");
                else if (data.Length > 0 && eventName is null or "message") yield return McpFrame.Of(data.ToString());
                data.Clear();
                eventName = null;
                tooLarge = false;
                continue;
            }
            if (line.StartsWith(':')) continue;
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "data":
                    if (data.Length > 0) data.Append('\n');
                    data.Append(value);
                    if (data.Length > maxBytes) tooLarge = true;
                    break;
                case "event":
                    eventName = value;
                    break;
            }
        }
        if (tooLarge) yield return McpFrame.Rejected($"a server-sent event larger than {maxBytes} bytes");
        else if (data.Length > 0 && eventName is null or "message") yield return McpFrame.Of(data.ToString());
    }
}
