using System.Text;
using Palisade.Core.Rules;

namespace Palisade.Tests.Throughput;

/// <summary>
/// The keyword scan's ASCII path (no bound check on the class table) must report exactly what the checked path
/// reports, on short texts (one chain) and long ones (four chains with held-back occurrences), and both must report
/// every occurrence a plain search finds.
/// </summary>
public sealed class KeywordScanAsciiTests
{
    private sealed class Collect : List<(int Value, int Start, int End)>;

    private struct Sink(Collect into) : IKeywordSink
    {
        public void Found(int value, int start, int end) => into.Add((value, start, end));
    }

    private static readonly string[] Keywords = ["key", "token", "api_key", "sk-", "ke", "password=", "x-api"];

    [Theory]
    [InlineData(50)]
    [InlineData(3000)]
    [InlineData(40_000)]
    public void Ascii_path_reports_what_the_checked_path_and_a_plain_search_report(int length)
    {
        var automaton = new KeywordAutomaton(Keywords.Select((k, i) => (k, new[] { i })).ToList());
        var random = new Random(length);
        string[] pieces = ["the ", "KEY", "token", "api_key ", "sk-", "Password=", "X-API", "k", "e", "y", " ", "\n", "tok"];
        var sb = new StringBuilder();
        while (sb.Length < length) sb.Append(pieces[random.Next(pieces.Length)]);
        var text = sb.ToString(0, length);

        var ascii = new Collect();
        var sinkA = new Sink(ascii);
        automaton.Scan(text, ref sinkA, asciiText: true);
        var checkedPath = new Collect();
        var sinkC = new Sink(checkedPath);
        automaton.Scan(text, ref sinkC, asciiText: false);
        Assert.Equal(checkedPath, ascii);

        var expected = new List<(int, int, int)>();
        for (var k = 0; k < Keywords.Length; k++)
            for (var at = text.IndexOf(Keywords[k], StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(Keywords[k], at + 1, StringComparison.OrdinalIgnoreCase))
                expected.Add((k, at, at + Keywords[k].Length));
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), ascii.Order());
    }
}
