using System.Text;
using Palisade.Mcp.Transport;

namespace Palisade.Tests.Mcp;

public sealed class LineFramerTests
{
    private static async Task<List<McpFrame>> ReadAll(byte[] input, int cap, bool keepEmpty = false)
    {
        var framer = new LineFramer(new MemoryStream(input), cap, keepEmpty);
        var frames = new List<McpFrame>();
        while (await framer.ReadAsync(CancellationToken.None) is { } f) frames.Add(f);
        return frames;
    }

    [Fact]
    public async Task Line_over_the_cap_is_rejected_and_the_next_line_still_read()
    {
        var input = Encoding.UTF8.GetBytes(new string('x', 5000) + "\n{\"ok\":1}\r\n");
        var frames = await ReadAll(input, cap: 4096);
        Assert.Equal(2, frames.Count);
        Assert.Contains("longer than 4096", frames[0].Problem);
        Assert.Equal("{\"ok\":1}", frames[1].Text);
    }

    [Fact]
    public async Task Line_split_across_reads_and_a_final_unterminated_line_are_whole()
    {
        var text = new string('a', 100_000) + "\nlast";
        var frames = await ReadAll(Encoding.UTF8.GetBytes(text), cap: 200_000);
        Assert.Equal([new string('a', 100_000), "last"], frames.Select(f => f.Text));
    }

    [Fact]
    public async Task Invalid_utf8_is_rejected_not_replaced()
    {
        var frames = await ReadAll([0x7B, 0xFF, 0xFE, 0x7D, 0x0A], cap: 4096);
        Assert.Contains("UTF-8", Assert.Single(frames).Problem);
    }

    [Fact]
    public async Task Empty_lines_are_skipped_unless_asked_for()
    {
        Assert.Single(await ReadAll(Encoding.UTF8.GetBytes("\n\nx\n"), 4096));
        Assert.Equal(3, (await ReadAll(Encoding.UTF8.GetBytes("\n\nx\n"), 4096, keepEmpty: true)).Count);
    }

    [Fact]
    public async Task Sse_events_join_data_lines_and_skip_comments_and_other_events()
    {
        var sse = ": keep-alive\n\nevent: message\ndata: {\"a\":\ndata: 1}\n\nevent: ping\ndata: x\n\ndata: {\"b\":2}\n\n";
        var frames = new List<McpFrame>();
        await foreach (var f in SseFrames.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(sse)), 4096, CancellationToken.None)) frames.Add(f);
        Assert.Equal(["{\"a\":\n1}", "{\"b\":2}"], frames.Select(f => f.Text));
    }
}
