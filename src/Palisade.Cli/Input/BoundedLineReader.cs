using System.Text;

namespace Palisade.Cli.Input;

/// <summary>
/// Lines of at most a fixed number of characters, read as they arrive (what a pipe has delivered is handed on at once).
/// A longer line is skipped to its end and reported as overlong, so memory stays bounded whatever the input: one
/// endless JSON line must not take all the machine's memory. Lines end at <c>\n</c>; a <c>\r</c> before it is dropped.
/// </summary>
public sealed class BoundedLineReader(TextReader reader, int maxChars)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;

    /// <summary>
    /// The next line, or null with <paramref name="overlong"/> set when it was over the limit. False at the end of input.
    /// </summary>
    public bool TryReadLine(out string? line, out bool overlong)
    {
        _line.Clear();
        overlong = false;
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                _position = 0;
                _length = Math.Max(0, reader.Read(_buffer, 0, _buffer.Length));
                if (_length == 0)
                {
                    line = Complete(ref overlong);
                    return any;
                }
            }
            any = true;
            var end = Array.IndexOf(_buffer, '\n', _position, _length - _position);
            var stop = end < 0 ? _length : end;
            if (!overlong)
            {
                // + 1: a '\r' before the '\n' is not part of the line; Complete checks the final length.
                if (_line.Length + (stop - _position) > maxChars + 1)
                {
                    overlong = true;
                    _line.Clear();
                }
                else _line.Append(_buffer, _position, stop - _position);
            }
            _position = end < 0 ? _length : end + 1;
            if (end >= 0)
            {
                line = Complete(ref overlong);
                return true;
            }
        }
    }

    private string? Complete(ref bool overlong)
    {
        if (overlong) return null;
        if (_line.Length > 0 && _line[^1] == '\r') _line.Length--;
        if (_line.Length <= maxChars) return _line.ToString();
        overlong = true;
        return null;
    }
}
