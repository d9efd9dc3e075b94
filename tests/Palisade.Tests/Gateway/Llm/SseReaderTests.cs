using System.Text;
using Palisade.Gateway.Llm.Sse;

namespace Palisade.Tests.Gateway.Llm;

public sealed class SseReaderTests
{
    private const string Stream = "event: a\ndata: {\"x\":1}\n\n: comment\ndata: line one\ndata: line two\n\nevent: b\r\ndata:{\"y\":2}\r\n\r\ndata: [DONE]\n\n";

    /// <summary>Hands the reader at most <c>size</c> bytes per read, so every cut position is exercised.</summary>
    private sealed class Trickle(byte[] bytes, int size) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancel = default) =>
            base.ReadAsync(buffer[..Math.Min(size, buffer.Length)], cancel);
    }

    private static async Task<List<(string Name, string Data, string Raw)>> ReadAllAsync(Stream source, int max = SseReader.DefaultMaxEventBytes)
    {
        using var reader = new SseReader(source, max);
        var all = new List<(string, string, string)>();
        while (await reader.ReadAsync(CancellationToken.None) is { } events)
            all.AddRange(events.Select(e => (e.Name, Encoding.UTF8.GetString(e.Data.Span), Encoding.UTF8.GetString(e.Raw.Span))));
        return all;
    }

    [Fact]
    public async Task Events_are_the_same_however_the_bytes_are_cut()
    {
        var whole = await ReadAllAsync(new MemoryStream(Encoding.UTF8.GetBytes(Stream)));
        Assert.Equal(
        [
            ("a", "{\"x\":1}"),
            ("", "line one\nline two"),
            ("b", "{\"y\":2}"),
            ("", "[DONE]"),
        ], whole.Select(e => (e.Name, e.Data)));
        Assert.Equal(Stream, string.Concat(whole.Select(e => e.Raw)));
        for (var size = 1; size <= 9; size++)
            Assert.Equal(whole, await ReadAllAsync(new Trickle(Encoding.UTF8.GetBytes(Stream), size)));
    }

    [Fact]
    public async Task An_event_that_never_ends_is_refused_past_the_limit()
    {
        var endless = Encoding.UTF8.GetBytes("data: " + new string('a', 100_000));
        await Assert.ThrowsAsync<SseException>(() => ReadAllAsync(new MemoryStream(endless), max: 64 * 1024));
    }
}
