namespace Palisade.Gateway.Llm.Providers;

/// <summary>The API a request speaks, known by its path whatever the provider: every OpenAI-compatible host shares one adapter.</summary>
public enum WireProtocol
{
    /// <summary>Anything else (models list, embeddings, legacy completions): request strings judged as a prompt, response passed through.</summary>
    Other,
    AnthropicMessages,
    OpenAiChat,
    OpenAiResponses,
}

public static class WireProtocols
{
    public static WireProtocol Detect(string rest)
    {
        var path = rest.TrimEnd('/');
        if (path.EndsWith("messages/count_tokens", StringComparison.Ordinal)) return WireProtocol.Other;
        if (path.EndsWith("v1/messages", StringComparison.Ordinal) || path == "messages") return WireProtocol.AnthropicMessages;
        if (path.EndsWith("chat/completions", StringComparison.Ordinal)) return WireProtocol.OpenAiChat;
        if (path.EndsWith("responses", StringComparison.Ordinal)) return WireProtocol.OpenAiResponses;
        return WireProtocol.Other;
    }

    /// <summary>Anthropic clients read errors as <c>{"type":"error","error":{…}}</c>; OpenAI-compatible ones as <c>{"error":{…}}</c>.</summary>
    public static bool UsesAnthropicErrors(this WireProtocol protocol, string provider) =>
        protocol == WireProtocol.AnthropicMessages || (protocol == WireProtocol.Other && provider == "anthropic");
}
