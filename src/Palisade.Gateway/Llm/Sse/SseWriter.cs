using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Palisade.Gateway.Llm.Judging;

namespace Palisade.Gateway.Llm.Sse;

/// <summary>
/// Writes events to the client: verbatim bytes for untouched events, or new events Palisade made. Everything written
/// between two flushes goes out as one write (a read from the upstream often carries many small events), and
/// <see cref="FlushAsync"/> sends it at once, so nothing waits longer than the read that carried it.
/// </summary>
public sealed class SseWriter(Stream client)
{
    private const int KeepCapacity = 64 * 1024;
    private ArrayBufferWriter<byte> _pending = new(4 * 1024);

    public ValueTask WriteRawAsync(ReadOnlyMemory<byte> raw, CancellationToken cancel)
    {
        _pending.Write(raw.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>Writes <c>event: name</c> (when not empty) and one <c>data:</c> line with <paramref name="data"/> as compact JSON.</summary>
    public ValueTask WriteEventAsync(string name, JsonNode data, CancellationToken cancel) =>
        WriteEventAsync(name, data.ToJsonString(Json.Writing), cancel);

    public ValueTask WriteEventAsync(string name, string data, CancellationToken cancel)
    {
        if (name.Length > 0)
        {
            _pending.Write("event: "u8);
            Encoding.UTF8.GetBytes(name, _pending);
            _pending.Write("\n"u8);
        }
        _pending.Write("data: "u8);
        Encoding.UTF8.GetBytes(data, _pending);
        _pending.Write("\n\n"u8);
        return ValueTask.CompletedTask;
    }

    /// <summary>Sends what was written since the last flush and flushes the client connection.</summary>
    public async Task FlushAsync(CancellationToken cancel)
    {
        if (_pending.WrittenCount > 0)
        {
            await client.WriteAsync(_pending.WrittenMemory, cancel).ConfigureAwait(false);
            // A large held call released at once must not keep its buffer for the rest of the stream.
            if (_pending.Capacity > KeepCapacity) _pending = new ArrayBufferWriter<byte>(4 * 1024);
            else _pending.ResetWrittenCount();
        }
        await client.FlushAsync(cancel).ConfigureAwait(false);
    }
}
