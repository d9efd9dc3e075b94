using System.Buffers;
using System.Text;

namespace Palisade.Mcp.Transport;

/// <summary>
/// Newline-delimited frames from a byte stream, with a cap: a line over <c>maxLineBytes</c> is skipped to its end
/// and reported as rejected instead of being buffered without bound. Bytes that are not UTF-8 are rejected too.
/// </summary>
public sealed class LineFramer
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly bool _keepEmptyLines;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private readonly ArrayBufferWriter<byte> _line = new();

    public LineFramer(Stream stream, int maxLineBytes, bool keepEmptyLines = false)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _keepEmptyLines = keepEmptyLines;
    }

    /// <summary>The next line without its terminator, or null at the end of the stream.</summary>
    public async ValueTask<McpFrame?> ReadAsync(CancellationToken cancel)
    {
        while (true)
        {
            var (complete, oversized) = await ReadLineAsync(cancel).ConfigureAwait(false);
            if (!complete) return null;
            if (oversized) return McpFrame.Rejected($"a frame longer than {_maxLineBytes} bytes");
            var bytes = _line.WrittenSpan;
            if (bytes.Length > 0 && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
            if (bytes.Length == 0 && !_keepEmptyLines) continue;
            try
            {
                return McpFrame.Of(StrictUtf8.GetString(bytes));
            }
            catch (DecoderFallbackException)
            {
                return McpFrame.Rejected("a frame that is not valid UTF-8");
            }
        }
    }

    /// <summary>
    /// Fills <see cref="_line"/> up to the next newline, keeping at most the cap (the rest of an oversized line is
    /// read and dropped). <c>complete</c> is false only at the end of the stream with nothing read.
    /// </summary>
    private async ValueTask<(bool Complete, bool Oversized)> ReadLineAsync(CancellationToken cancel)
    {
        _line.ResetWrittenCount();
        var oversized = false;
        while (true)
        {
            if (_start == _end)
            {
                if (!_eof)
                {
                    _start = 0;
                    _end = await _stream.ReadAsync(_buffer, cancel).ConfigureAwait(false);
                    _eof = _end == 0;
                }
                // End of stream: a final unterminated line still counts.
                if (_eof) return (_line.WrittenCount > 0 || oversized, oversized);
            }
            var span = _buffer.AsSpan(_start, _end - _start);
            var nl = span.IndexOf((byte)'\n');
            var take = nl < 0 ? span : span[..nl];
            if (!oversized)
            {
                if (_line.WrittenCount + take.Length > _maxLineBytes) oversized = true;
                else _line.Write(take);
            }
            _start += nl < 0 ? span.Length : nl + 1;
            if (nl >= 0) return (true, oversized);
        }
    }
}
