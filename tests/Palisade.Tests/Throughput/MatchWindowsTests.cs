using System.Text;
using Palisade.Core.Rules;

namespace Palisade.Tests.Throughput;

/// <summary>
/// Window edges decide which text a rule's regex reads, so the bit-mask reading of <see cref="MatchWindows"/> must
/// put them exactly where visiting every character did: the reference below is that loop, compared on random texts
/// with every kind of whitespace (runs, tabs and line breaks, no-break and ideographic spaces, control characters
/// that are not whitespace), random keyword positions and reaches, across 64-character block edges.
/// </summary>
public sealed class MatchWindowsTests
{
    private static int ReferenceStart(string text, int from, int reach)
    {
        var floor = from - reach;
        var words = reach / MatchWindows.CharsPerWord;
        var crossed = 0;
        var i = from;
        while (i > 0)
        {
            if (char.IsWhiteSpace(text[i - 1]))
            {
                if (i <= floor && crossed >= words) break;
                if (i == text.Length || !char.IsWhiteSpace(text[i])) crossed++;
            }
            i--;
        }
        return i;
    }

    private static int ReferenceEnd(string text, int from, int reach)
    {
        var ceiling = from + reach;
        var words = reach / MatchWindows.CharsPerWord;
        var crossed = 0;
        var i = from;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                if (i >= ceiling && crossed >= words) break;
                if (i == 0 || !char.IsWhiteSpace(text[i - 1])) crossed++;
            }
            i++;
        }
        return i;
    }

    private static string RandomText(Random random, int length)
    {
        string[] pieces = ["word", "a", "configuration", "x", "ünïcödé", "日本語", "token_with_underscores_and_more", "12345"];
        string[] spaces = [" ", " ", " ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u3000", "\u2003", "\u0085", "\u001C", "\v\f", "    "];
        var sb = new StringBuilder();
        while (sb.Length < length)
        {
            sb.Append(pieces[random.Next(pieces.Length)]);
            sb.Append(spaces[random.Next(spaces.Length)]);
        }
        return sb.ToString(0, length);
    }

    [Fact]
    public void Windows_end_where_reading_every_character_put_them()
    {
        var random = new Random(1121);
        for (var t = 0; t < 4000; t++)
        {
            var text = RandomText(random, random.Next(1, 1500));
            var from = random.Next(0, text.Length + 1);
            var reach = random.Next(4) == 0 ? random.Next(MatchWindows.MinReach, 700) : 256;
            Assert.Equal(ReferenceStart(text, from, reach), MatchWindows.Start(text, from, reach));
            Assert.Equal(ReferenceEnd(text, from, reach), MatchWindows.End(text, from, reach));
        }
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData(" ", 0)]
    [InlineData(" ", 1)]
    [InlineData("no-whitespace-at-all-in-this-text", 10)]
    public void Edge_texts_agree_with_the_reference(string text, int from)
    {
        Assert.Equal(ReferenceStart(text, from, 32), MatchWindows.Start(text, from, 32));
        Assert.Equal(ReferenceEnd(text, from, 32), MatchWindows.End(text, from, 32));
    }
}
