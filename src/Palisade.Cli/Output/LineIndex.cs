namespace Palisade.Cli.Output;

/// <summary>Turns a character offset into a 1-based line and column (UTF-16 code units), as SARIF regions want them.</summary>
public sealed class LineIndex
{
    private readonly List<int> _lineStarts = [0];

    public LineIndex(string text)
    {
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) _lineStarts.Add(i + 1);
    }

    public (int Line, int Column) At(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        if (index < 0) index = ~index - 1;
        return (index + 1, offset - _lineStarts[index] + 1);
    }
}
