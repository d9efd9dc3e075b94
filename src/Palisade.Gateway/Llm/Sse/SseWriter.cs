using System.Text;
using System.Text.Json.Nodes;
using Palisade.Gateway.Llm.Judging;

namespace Palisade.Gateway.Llm.Sse;

/// <summary>Writes events to the client: verbatim bytes for untouched events, or new events Palisade made. The caller flushes.</summary>
public sealed class SseWriter(Stream client)
{
    public ValueTask WriteRawAsync(ReadOnlyMemory<byte> raw, CancellationToken cancel) => client.WriteAsync(raw, cancel);

    /// <summary>Writes <c>event: name</c> (when not empty) and one <c>data:</c> line with <paramref name="data"/> as compact JSON.</summary>
    public ValueTask WriteEventAsync(string name, JsonNode data, CancellationToken cancel) =>
        WriteEventAsync(name, data.ToJsonString(Json.Writing), cancel);

    public ValueTask WriteEventAsync(string name, string data, CancellationToken cancel)
    {
        var sb = new StringBuilder(data.Length + name.Length + 16);
        if (name.Length > 0) sb.Append("event: ").Append(name).Append('\n');
        sb.Append("data: ").Append(data).Append("\n\n");
        return client.WriteAsync(Encoding.UTF8.GetBytes(sb.ToString()), cancel);
    }

    public Task FlushAsync(CancellationToken cancel) => client.FlushAsync(cancel);
}
