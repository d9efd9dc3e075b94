using System.Threading.Channels;

namespace Palisade.Mcp.Transport;

/// <summary>
/// One end of an in-memory duplex pipe of messages: what one end writes the other reads. For running the relay in
/// process — the gateway's HTTP sessions, the evaluation replay, tests — with the same <c>McpSession</c> as stdio.
/// </summary>
public sealed class MemoryChannel : IMcpChannel
{
    private readonly Channel<string> _in;
    private readonly Channel<string> _out;

    private MemoryChannel(Channel<string> input, Channel<string> output)
    {
        _in = input;
        _out = output;
    }

    public static (MemoryChannel A, MemoryChannel B) CreatePair()
    {
        var ab = Channel.CreateUnbounded<string>();
        var ba = Channel.CreateUnbounded<string>();
        return (new MemoryChannel(ba, ab), new MemoryChannel(ab, ba));
    }

    public async ValueTask<McpFrame?> ReadAsync(CancellationToken cancel)
    {
        while (await _in.Reader.WaitToReadAsync(cancel).ConfigureAwait(false))
            if (_in.Reader.TryRead(out var text)) return McpFrame.Of(text);
        return null;
    }

    public ValueTask WriteAsync(string json, CancellationToken cancel)
    {
        _out.Writer.TryWrite(json);
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync()
    {
        _out.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => CompleteAsync();
}
