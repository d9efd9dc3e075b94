using System.Text;
using Palisade.Gateway.Llm.OpenAi;

namespace Palisade.Tests.Gateway.Llm;

public sealed class ChatChunkFilterTests
{
    [Theory]
    [InlineData("""{"choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null}],"usage":null}""", false)]
    [InlineData("""{"choices":[{"index":0,"delta":{"content":"say \"tool_calls\""},"finish_reason": null}]}""", false)]
    [InlineData("""{"choices":[{"index":0,"delta":{"tool_calls":[]},"finish_reason":null}]}""", true)]
    [InlineData("""{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""", true)]
    [InlineData("""{"choices":[{"index":0,"delta":{},"finish_reason" : "tool_calls"}]}""", true)]
    [InlineData("""{"choices":[],"usage":{"prompt_tokens":1}}""", true)]
    [InlineData("""{"choices":[{"index":0,"delta":{"tool\u005fcalls":[]}}]}""", true)]
    [InlineData("""{"error":{"message":"overloaded"}}""", true)]
    public void Only_plain_text_chunks_skip_the_parser(string chunk, bool needsLook) =>
        Assert.Equal(needsLook, ChatChunkFilter.NeedsLook(Encoding.UTF8.GetBytes(chunk)));
}
