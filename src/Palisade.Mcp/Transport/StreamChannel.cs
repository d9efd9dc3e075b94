using System.Text;

namespace Palisade.Mcp.Transport;

/// <summary>The MCP stdio transport over a pair of streams: our own stdin/stdout, or a child server's pipes.</summary>
public sealed class StreamChannel : IMcpChannel
{
    private readonly LineFramer _reader;
    private readonly Stream _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private bool _completed;

    public StreamChannel(Stream input, Stream output, int maxLineBytes)
    {
        _reader = new LineFramer(input, maxLineBytes);
        _output = output;
    }

    public ValueTask<McpFrame?> ReadAsync(CancellationToken cancel) => _reader.ReadAsync(cancel);

    public async ValueTask WriteAsync(string json, CancellationToken cancel)
    {
        var bytes = Encoding.UTF8.GetBytes(json + "\n");
        await _writeLock.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            if (_completed) return;
            await _output.WriteAsync(bytes, cancel).ConfigureAwait(false);
            await _output.FlushAsync(cancel).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask CompleteAsync()
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_completed) return;
            _completed = true;
            try
            {
                await _output.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The peer already closed its end; there is nothing left to tell it.
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public ValueTask DisposeAsync() => CompleteAsync();
}
