namespace Palisade.Gateway.Llm.OpenAi;

/// <summary>
/// Decides, without parsing, that a Chat Completions chunk is plain text that can be forwarded as it is: no tool call,
/// no finish, no usage, and no <c>\u</c> escape (an escaped key such as <c>"tool\u005fcalls"</c> would slip past a byte
/// search, so any escape sends the chunk to the parser). A false "needs a look" only costs a parse.
/// </summary>
public static class ChatChunkFilter
{
    public static bool NeedsLook(ReadOnlySpan<byte> data) =>
        data.IndexOf("\\u"u8) >= 0
        || data.IndexOf("\"tool_calls\""u8) >= 0
        || data.IndexOf("\"function_call\""u8) >= 0
        || data.IndexOf("\"error\""u8) >= 0
        || NotNull(data, "\"usage\""u8)
        || NotNull(data, "\"finish_reason\""u8);

    /// <summary>Whether any occurrence of <paramref name="key"/> has a value other than <c>null</c>.</summary>
    private static bool NotNull(ReadOnlySpan<byte> data, ReadOnlySpan<byte> key)
    {
        while (true)
        {
            var at = data.IndexOf(key);
            if (at < 0) return false;
            var rest = data[(at + key.Length)..].TrimStart(" \t\r\n"u8);
            if (rest.IsEmpty || rest[0] != (byte)':') return true;
            rest = rest[1..].TrimStart(" \t\r\n"u8);
            if (!rest.StartsWith("null"u8)) return true;
            data = rest;
        }
    }
}
