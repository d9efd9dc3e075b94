using System.Globalization;
using Palisade.Gateway.Llm.Providers;

namespace Palisade.Gateway.Llm.Judging;

/// <summary>
/// One request/response through the LLM gateway: what every verdict of it is recorded with (provider, model, session,
/// token usage once the upstream reports it) and whether untrusted content in it scored as injection (taint).
/// </summary>
public sealed class Exchange(string provider, WireProtocol protocol)
{
    public string Provider { get; } = provider;
    public WireProtocol Protocol { get; } = protocol;
    public string? Model { get; set; }
    public string? Session { get; set; }
    public bool Stream { get; set; }
    public long? InputTokens { get; set; }
    public long? OutputTokens { get; set; }

    /// <summary>A tool result sent in this request (or earlier in the session) read like a prompt injection.</summary>
    public bool Tainted { get; set; }

    /// <summary>The audit <c>extra</c> for a verdict now (usage is whatever the upstream has reported so far).</summary>
    public IReadOnlyDictionary<string, string> Extra()
    {
        var extra = new Dictionary<string, string>(8, StringComparer.Ordinal)
        {
            ["provider"] = Provider,
            ["protocol"] = Protocol switch
            {
                WireProtocol.AnthropicMessages => "anthropic_messages",
                WireProtocol.OpenAiChat => "openai_chat",
                WireProtocol.OpenAiResponses => "openai_responses",
                _ => "other",
            },
            ["stream"] = Stream ? "true" : "false",
        };
        if (Model is not null) extra["model"] = Model;
        if (Session is not null) extra["session"] = Session;
        if (InputTokens is { } i) extra["input_tokens"] = i.ToString(CultureInfo.InvariantCulture);
        if (OutputTokens is { } o) extra["output_tokens"] = o.ToString(CultureInfo.InvariantCulture);
        if (Tainted) extra["tainted"] = "true";
        return extra;
    }
}
