using System.Threading.Channels;
using Palisade.Mcp.Protocol;
using Palisade.Mcp.Transport;

namespace Palisade.Gateway.Mcp;

/// <summary>
/// The client side of an MCP session served over streamable HTTP. Each POSTed message is fed to the session; each
/// POSTed request opens a stream that receives what the session sends the client until the response with that id
/// (requests and notifications the server sends meanwhile ride on the oldest open stream, as the spec allows).
/// A message sent while no request is open is dropped: there is no standalone GET stream (docs/mcp.md).
/// </summary>
internal sealed class HttpClientSide : IMcpChannel
{
    private readonly Channel<string> _inbound = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _gate = new();
    private readonly List<(string IdKey, Channel<string> Stream)> _open = [];

    /// <summary>A stream for the answer to request <paramref name="idKey"/>, or null if one is already open for that id.</summary>
    public ChannelReader<string>? Open(string idKey)
    {
        lock (_gate)
        {
            if (_open.Any(o => o.IdKey == idKey)) return null;
            var stream = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
            _open.Add((idKey, stream));
            return stream.Reader;
        }
    }

    /// <summary>The client went away before its answer: stop routing to that stream.</summary>
    public void Abandon(string idKey)
    {
        lock (_gate)
        {
            var i = _open.FindIndex(o => o.IdKey == idKey);
            if (i < 0) return;
            _open[i].Stream.Writer.TryComplete();
            _open.RemoveAt(i);
        }
    }

    public void Deliver(string json) => _inbound.Writer.TryWrite(json);

    /// <summary>The client ended the session (DELETE): the relay sees its input close.</summary>
    public void EndInput() => _inbound.Writer.TryComplete();

    public async ValueTask<McpFrame?> ReadAsync(CancellationToken cancel)
    {
        while (await _inbound.Reader.WaitToReadAsync(cancel).ConfigureAwait(false))
            if (_inbound.Reader.TryRead(out var text)) return McpFrame.Of(text);
        return null;
    }

    public ValueTask WriteAsync(string json, CancellationToken cancel)
    {
        var isResponse = JsonRpcMessage.TryParse(json, out var message, out _) && message.Kind == JsonRpcKind.Response;
        lock (_gate)
        {
            var i = isResponse ? _open.FindIndex(o => o.IdKey == message.IdKey) : -1;
            if (i >= 0)
            {
                _open[i].Stream.Writer.TryWrite(json);
                _open[i].Stream.Writer.TryComplete();
                _open.RemoveAt(i);
            }
            else if (_open.Count > 0) _open[0].Stream.Writer.TryWrite(json);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The session is over: every open stream ends (its request was answered with an error by the relay first).</summary>
    public ValueTask CompleteAsync()
    {
        lock (_gate)
        {
            foreach (var (_, stream) in _open) stream.Writer.TryComplete();
            _open.Clear();
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => CompleteAsync();
}
