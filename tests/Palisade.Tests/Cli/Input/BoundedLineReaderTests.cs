using Palisade.Cli.Input;

namespace Palisade.Tests.Cli.Input;

public sealed class BoundedLineReaderTests
{
    private static List<(string? Line, bool Overlong)> All(string input, int max)
    {
        var reader = new BoundedLineReader(new StringReader(input), max);
        var lines = new List<(string?, bool)>();
        while (reader.TryReadLine(out var line, out var overlong)) lines.Add((line, overlong));
        return lines;
    }

    [Fact]
    public void Splits_on_newlines_drops_a_carriage_return_before_one_and_keeps_a_last_line_without_one()
    {
        Assert.Equal([("a", false), ("", false), ("b", false), ("c", false)], All("a\n\nb\r\nc", 10));
        Assert.Equal([("a", false)], All("a\n", 10));
        Assert.Empty(All("", 10));
    }

    [Fact]
    public void A_line_of_exactly_the_limit_is_kept_one_more_is_overlong_and_the_next_line_is_whole()
    {
        Assert.Equal([("12345", false), ("x", false)], All("12345\r\nx", 5));
        Assert.Equal([(null, true), ("x", false)], All("123456\nx", 5));
        Assert.Equal([(null, true)], All("123456", 5));
        Assert.Equal([(null, true), ("ok", false)], All("12345\r\r\nok", 5)); // the carriage return is content here
    }

    [Fact]
    public void An_overlong_line_across_many_buffers_is_skipped_to_its_end()
    {
        var input = new string('z', 300_000) + "\nafter\n";
        Assert.Equal([(null, true), ("after", false)], All(input, 1000));
    }

    [Fact]
    public void Bounded_input_reads_what_fits_and_stops()
    {
        Assert.Equal("abc", BoundedInput.ReadAtMost(new StringReader("abc"), 10));
        Assert.Equal("abcd", BoundedInput.ReadAtMost(new StringReader("abcdefgh"), 4));
        Assert.Equal("", BoundedInput.ReadAtMost(new StringReader(""), 4));
    }
}
