using System.Buffers;

namespace Palisade.Gateway.Llm.Sse;

/// <summary>
/// Reads server-sent events from an upstream body. Events are cut at the blank line that ends them, however the bytes
/// were split across reads (a <c>data:</c> line cut in half waits for its other half). One event may not exceed
/// <see cref="MaxEventBytes"/>: a stream that never ends an event cannot make the gateway buffer without bound.
/// </summary>
public sealed class SseReader(Stream body, int maxEventBytes = SseReader.DefaultMaxEventBytes) : IDisposable
{
    public const int DefaultMaxEventBytes = 8 * 1024 * 1024;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _start, _end;
    private byte[]? _joined;

    public int MaxEventBytes => maxEventBytes;

    /// <summary>Reads once from the upstream and returns the events now complete (possibly none); null at the end of the body.</summary>
    /// <remarks>Bytes after the last complete event at the end of the body are returned by <see cref="Remainder"/>.</remarks>
    public async ValueTask<List<SseEvent>?> ReadAsync(CancellationToken cancel)
    {
        if (_start > 0 && _start == _end) _start = _end = 0;
        if (_end == _buffer.Length) Grow();
        var n = await body.ReadAsync(_buffer.AsMemory(_end), cancel).ConfigureAwait(false);
        if (n == 0) return null;
        _end += n;
        var events = new List<SseEvent>();
        while (TryCut(out var ev)) events.Add(ev);
        if (_end - _start > maxEventBytes)
            throw new SseException($"an event in the upstream stream is over {maxEventBytes} bytes.");
        return events;
    }

    /// <summary>Bytes left after the last complete event (a stream cut off mid-event).</summary>
    public ReadOnlyMemory<byte> Remainder => _buffer.AsMemory(_start, _end - _start);

    private void Grow()
    {
        var live = _end - _start;
        var size = live * 2 <= _buffer.Length ? _buffer.Length : _buffer.Length * 2;
        var next = size == _buffer.Length ? _buffer : ArrayPool<byte>.Shared.Rent(size);
        Buffer.BlockCopy(_buffer, _start, next, 0, live);
        if (!ReferenceEquals(next, _buffer)) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = next;
        _start = 0;
        _end = live;
    }

    private bool TryCut(out SseEvent ev)
    {
        ev = default;
        var span = _buffer.AsSpan(_start, _end - _start);
        var stop = BlankLine(span, out var after);
        if (stop < 0) return false;
        var raw = _buffer.AsMemory(_start, after);
        ev = Parse(raw, stop);
        _start += after;
        return true;
    }

    /// <summary>The end of the first event's lines and the offset after its blank line, or -1 when no event is complete.</summary>
    private static int BlankLine(ReadOnlySpan<byte> span, out int after)
    {
        after = 0;
        var i = 0;
        while (true)
        {
            var nl = span[i..].IndexOf((byte)'\n');
            if (nl < 0) return -1;
            var p = i + nl + 1; // start of the next line
            if (p < span.Length && span[p] == (byte)'\n') { after = p + 1; return i + nl; }
            if (p + 1 < span.Length && span[p] == (byte)'\r' && span[p + 1] == (byte)'\n') { after = p + 2; return i + nl; }
            if (p >= span.Length || (span[p] == (byte)'\r' && p + 1 >= span.Length)) return -1;
            i = p;
        }
    }

    private SseEvent Parse(ReadOnlyMemory<byte> raw, int linesEnd)
    {
        var name = "";
        ReadOnlyMemory<byte> data = default;
        var dataLines = 0;
        var pos = 0;
        var span = raw.Span;
        while (pos < linesEnd)
        {
            var nl = span[pos..].IndexOf((byte)'\n');
            var lineEnd = nl < 0 ? linesEnd : pos + nl;
            var line = raw[pos..(lineEnd > pos && span[lineEnd - 1] == (byte)'\r' ? lineEnd - 1 : lineEnd)];
            pos = lineEnd + 1;
            var colon = line.Span.IndexOf((byte)':');
            if (colon == 0 || line.Length == 0) continue; // a comment or an empty line
            var field = colon < 0 ? line.Span : line.Span[..colon];
            var value = colon < 0 ? ReadOnlyMemory<byte>.Empty : line[(colon + 1)..];
            if (value.Length > 0 && value.Span[0] == (byte)' ') value = value[1..];
            if (field.SequenceEqual("data"u8))
            {
                data = dataLines++ == 0 ? value : Join(data, value);
            }
            else if (field.SequenceEqual("event"u8))
            {
                name = System.Text.Encoding.UTF8.GetString(value.Span);
            }
        }
        return new SseEvent(name, data, raw);
    }

    private ReadOnlyMemory<byte> Join(ReadOnlyMemory<byte> a, ReadOnlyMemory<byte> b)
    {
        // Rare (multi-line data): join with '\n' as the SSE spec says, in a side buffer owned by this reader.
        var joined = new byte[a.Length + 1 + b.Length];
        a.CopyTo(joined);
        joined[a.Length] = (byte)'\n';
        b.CopyTo(joined.AsMemory(a.Length + 1));
        _joined = joined;
        return _joined;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}

/// <summary>The upstream stream broke the SSE framing in a way that cannot be scanned.</summary>
public sealed class SseException(string message) : Exception(message);
