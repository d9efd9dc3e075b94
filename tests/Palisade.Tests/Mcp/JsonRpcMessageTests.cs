using Palisade.Mcp.Protocol;

namespace Palisade.Tests.Mcp;

public sealed class JsonRpcMessageTests
{
    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", JsonRpcKind.Request, "1")]
    [InlineData("""{"jsonrpc":"2.0","id":"a","method":"tools/list"}""", JsonRpcKind.Request, "\"a\"")]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", JsonRpcKind.Notification, null)]
    [InlineData("""{"jsonrpc":"2.0","id":7,"result":{}}""", JsonRpcKind.Response, "7")]
    [InlineData("""{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"x"}}""", JsonRpcKind.Response, null)]
    public void Valid_messages_are_classified_with_their_id(string json, JsonRpcKind kind, string? idKey)
    {
        Assert.True(JsonRpcMessage.TryParse(json, out var m, out var problem), problem);
        Assert.Equal(kind, m.Kind);
        Assert.Equal(idKey, m.IdKey);
    }

    [Theory]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"ping"}]""", "batch")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"a","method":"b"}""", "not valid JSON")]
    [InlineData("""{"jsonrpc":"1.0","id":1,"method":"ping"}""", "2.0")]
    [InlineData("""{"jsonrpc":"2.0","id":{"x":1},"method":"ping"}""", "id")]
    [InlineData("""{"jsonrpc":"2.0","id":1.5,"method":"ping"}""", "id")]
    [InlineData("""{"jsonrpc":"2.0","id":null,"method":"ping"}""", "null id")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"ping","result":{}}""", "both")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{},"error":{}}""", "exactly one")]
    [InlineData("""{"jsonrpc":"2.0","result":{}}""", "without an id")]
    [InlineData("42", "not a JSON object")]
    public void Ambiguous_or_invalid_frames_are_refused_with_a_reason(string json, string reason)
    {
        Assert.False(JsonRpcMessage.TryParse(json, out _, out var problem));
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void String_and_number_ids_are_different_keys()
    {
        JsonRpcMessage.TryParse("""{"jsonrpc":"2.0","id":7,"method":"ping"}""", out var number, out _);
        JsonRpcMessage.TryParse("""{"jsonrpc":"2.0","id":"7","method":"ping"}""", out var text, out _);
        Assert.NotEqual(number.IdKey, text.IdKey);
    }
}
