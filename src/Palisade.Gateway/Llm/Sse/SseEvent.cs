namespace Palisade.Gateway.Llm.Sse;

/// <summary>
/// One server-sent event as it came off the wire: its <c>event:</c> name (empty when absent), its joined <c>data:</c>
/// lines, and the raw bytes including the blank line that ended it, so an event nobody changes is forwarded verbatim.
/// </summary>
/// <remarks><see cref="Raw"/> and <see cref="Data"/> point into the reader's buffer: valid until the next read; copy with <see cref="Detach"/> to hold.</remarks>
public readonly record struct SseEvent(string Name, ReadOnlyMemory<byte> Data, ReadOnlyMemory<byte> Raw)
{
    /// <summary>A copy that outlives the reader's buffer (for events held back with an open tool call).</summary>
    public SseEvent Detach() => new(Name, Data.ToArray(), Raw.ToArray());

    /// <summary>OpenAI's end-of-stream sentinel <c>data: [DONE]</c>.</summary>
    public bool IsDone => Data.Span.SequenceEqual("[DONE]"u8);
}
