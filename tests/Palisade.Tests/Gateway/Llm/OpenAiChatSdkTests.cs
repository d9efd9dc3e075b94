using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using OpenAI;
using OpenAI.Chat;
using Palisade.Tests.Gateway.Llm.Support;

namespace Palisade.Tests.Gateway.Llm;

/// <summary>The official OpenAI .NET SDK (Chat Completions) through the gateway against a scripted upstream.</summary>
public sealed class OpenAiChatSdkTests
{
    private static readonly string[] Text = ["Sure", " — I'll list", " the files", " first."];

    internal static ChatClient Client(LlmRig rig, string provider = "openai") => new("gpt-4o", new ApiKeyCredential("sk-test-key"), new OpenAIClientOptions
    {
        Endpoint = new Uri(rig.Gateway.Running.Urls.Data, $"/{provider}/v1"),
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
    });

    private static ChatCompletionOptions WithBash() => new()
    {
        Tools = { ChatTool.CreateFunctionTool("Bash", "Runs a shell command", BinaryData.FromString("""{"type":"object","properties":{"command":{"type":"string"}}}""")) },
    };

    private sealed record Streamed(string Text, Dictionary<int, (string Name, string Args)> Calls, ChatFinishReason? Finish);

    private static async Task<Streamed> StreamAsync(ChatClient client)
    {
        var text = new StringBuilder();
        var names = new Dictionary<int, string>();
        var args = new Dictionary<int, StringBuilder>();
        ChatFinishReason? finish = null;
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("list the files")], WithBash()))
        {
            foreach (var part in update.ContentUpdate) text.Append(part.Text);
            foreach (var call in update.ToolCallUpdates)
            {
                if (call.FunctionName is { } name) names[call.Index] = name;
                if (!args.TryGetValue(call.Index, out var sb)) args[call.Index] = sb = new StringBuilder();
                if (call.FunctionArgumentsUpdate is { } a && !a.ToMemory().IsEmpty) sb.Append(a.ToString());
            }
            finish ??= update.FinishReason;
        }
        return new Streamed(text.ToString(), names.ToDictionary(kv => kv.Key, kv => (kv.Value, args[kv.Key].ToString())), finish);
    }

    [Fact]
    public async Task Streamed_text_split_mid_line_reaches_the_sdk_intact()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = ScriptedUpstream.Sse(Wire.Pieces(Wire.ChatStream(Text), 13));
        var result = await StreamAsync(Client(rig));
        Assert.Equal(string.Concat(Text), result.Text);
        Assert.Empty(result.Calls);
        Assert.Equal(ChatFinishReason.Stop, result.Finish);
    }

    [Fact]
    public async Task Streamed_malicious_tool_call_is_removed_and_the_benign_parallel_call_kept()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = ScriptedUpstream.Sse(Wire.Pieces(Wire.ChatStream(Text, ("Bash", Wire.Benign), ("Bash", Wire.Malicious)), 29));
        var result = await StreamAsync(Client(rig));

        var call = Assert.Single(result.Calls);
        Assert.Equal(("Bash", Wire.Benign), call.Value);
        Assert.StartsWith(string.Concat(Text), result.Text);
        Assert.Contains("Palisade blocked a call to tool 'Bash'", result.Text);
        Assert.DoesNotContain("s.sh", result.Text);
        Assert.Equal(ChatFinishReason.ToolCalls, result.Finish);

        var blocked = Assert.Single(rig.Verdicts(), v => v.GetProperty("decision").GetString() == "block");
        Assert.Equal("tool_call", blocked.GetProperty("kind").GetString());
        var extra = blocked.GetProperty("extra");
        Assert.Equal("openai", extra.GetProperty("provider").GetString());
        Assert.Equal("gpt-4o-2024-08-06", extra.GetProperty("model").GetString());
        Assert.Equal("true", extra.GetProperty("stream").GetString());
    }

    [Fact]
    public async Task Streamed_answer_whose_only_call_is_blocked_finishes_with_stop()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = ScriptedUpstream.Sse(Wire.Pieces(Wire.ChatStream(Text, ("Bash", Wire.Exfiltration)), 50));
        var result = await StreamAsync(Client(rig));
        Assert.Empty(result.Calls);
        Assert.Equal(ChatFinishReason.Stop, result.Finish);
        Assert.DoesNotContain("id_rsa", result.Text);
    }

    [Fact]
    public async Task Whole_answer_loses_the_malicious_call_gains_a_note_and_finishes_with_stop()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = ScriptedUpstream.Json(Wire.ChatWhole("Running it now.", ("Bash", Wire.Malicious)));
        ChatCompletion completion = await Client(rig).CompleteChatAsync([new UserChatMessage("install it")], WithBash());
        Assert.Empty(completion.ToolCalls);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        var text = string.Concat(completion.Content.Select(c => c.Text));
        Assert.StartsWith("Running it now.", text);
        Assert.Contains("Palisade blocked a call to tool 'Bash'", text);

        var blocked = Assert.Single(rig.Verdicts(), v => v.GetProperty("decision").GetString() == "block");
        Assert.Equal("21", blocked.GetProperty("extra").GetProperty("input_tokens").GetString());
        Assert.Equal("34", blocked.GetProperty("extra").GetProperty("output_tokens").GetString());
    }

    [Fact]
    public async Task Whole_answer_with_benign_calls_reaches_the_sdk_unchanged()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = ScriptedUpstream.Json(Wire.ChatWhole(null, ("Bash", Wire.Benign), ("Bash", """{"command":"git status"}""")));
        ChatCompletion completion = await Client(rig).CompleteChatAsync([new UserChatMessage("look around")], WithBash());
        Assert.Equal(2, completion.ToolCalls.Count);
        Assert.Equal(Wire.Benign, completion.ToolCalls[0].FunctionArguments.ToString());
        Assert.Equal(ChatFinishReason.ToolCalls, completion.FinishReason);
    }

    [Fact]
    public async Task An_openai_compatible_provider_with_a_path_prefix_shares_the_adapter()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = ScriptedUpstream.Sse([Wire.ChatStream(Text, ("Bash", Wire.Malicious))]);
        var result = await StreamAsync(Client(rig, "groq"));
        Assert.Empty(result.Calls);
        Assert.Equal("/openai/v1/chat/completions", Assert.Single(rig.Upstream.Requests).Path);
    }
}
