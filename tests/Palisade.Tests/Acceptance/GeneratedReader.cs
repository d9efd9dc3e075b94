namespace Palisade.Tests.Acceptance;

/// <summary>
/// Standard input that is <paramref name="count"/> copies of one character followed by <paramref name="tail"/>,
/// produced on demand: a test can offer far more input than it could hold, and see how much of it was read.
/// </summary>
public sealed class GeneratedReader(char fill, long count, string tail = "") : TextReader
{
    private long _position;

    public long CharsRead => _position;

    public override int Read(char[] buffer, int index, int length) => Read(buffer.AsSpan(index, length));

    public override int Read(Span<char> buffer)
    {
        var total = count + tail.Length;
        var n = (int)Math.Min(buffer.Length, total - _position);
        for (var i = 0; i < n; i++, _position++)
            buffer[i] = _position < count ? fill : tail[(int)(_position - count)];
        return n;
    }

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Peek() => _position < count ? fill : _position < count + tail.Length ? tail[(int)(_position - count)] : -1;
}
