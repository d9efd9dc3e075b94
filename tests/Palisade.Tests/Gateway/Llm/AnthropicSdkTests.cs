using System.Text;
using System.Text.Json;
using Anthropic;
using Anthropic.Models.Messages;
using Palisade.Tests.Gateway.Llm.Support;

namespace Palisade.Tests.Gateway.Llm;

/// <summary>The official Anthropic .NET SDK (Messages) through the gateway against a scripted upstream.</summary>
public sealed class AnthropicSdkTests
{
    private static readonly string[] Text = ["Let me", " check the", " repository."];

    internal static AnthropicClient Client(LlmRig rig) => new() { BaseUrl = rig.AnthropicBase.ToString(), ApiKey = "sk-ant-test-key", MaxRetries = 0 };

    internal static MessageCreateParams Ask(string prompt) => new()
    {
        Model = "claude-sonnet-4-5",
        MaxTokens = 1024,
        Messages = [new UserMessageParam { Content = prompt }],
    };

    private sealed record Streamed(string Text, Dictionary<long, (string Name, string Args)> Calls, Dictionary<long, string> BlockTexts, string? StopReason);

    private static async Task<Streamed> StreamAsync(AnthropicClient client)
    {
        var text = new StringBuilder();
        var names = new Dictionary<long, string>();
        var args = new Dictionary<long, StringBuilder>();
        var blocks = new Dictionary<long, StringBuilder>();
        string? stop = null;
        await foreach (var ev in client.Messages.CreateStreaming(Ask("look at the repo")))
        {
            if (ev.TryPickContentBlockStart(out var start) && start.ContentBlock.TryPickToolUse(out var use))
            {
                names[start.Index] = use.Name;
                args[start.Index] = new StringBuilder();
            }
            if (ev.TryPickContentBlockDelta(out var delta))
            {
                if (delta.Delta.TryPickText(out var t))
                {
                    text.Append(t.Text);
                    if (!blocks.TryGetValue(delta.Index, out var b)) blocks[delta.Index] = b = new StringBuilder();
                    b.Append(t.Text);
                }
                if (delta.Delta.TryPickInputJson(out var j)) args[delta.Index].Append(j.PartialJson);
            }
            if (ev.TryPickDelta(out var message)) stop = message.Delta.StopReason?.Raw();
        }
        return new Streamed(text.ToString(), names.ToDictionary(kv => kv.Key, kv => (kv.Value, args[kv.Key].ToString())),
            blocks.ToDictionary(kv => kv.Key, kv => kv.Value.ToString()), stop);
    }

    [Fact]
    public async Task Streamed_text_split_mid_line_reaches_the_sdk_intact()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = ScriptedUpstream.Sse(Wire.Pieces(Wire.AnthropicStream(Text), 11));
        var result = await StreamAsync(Client(rig));
        Assert.Equal(string.Concat(Text), result.Text);
        Assert.Empty(result.Calls);
        Assert.Equal("end_turn", result.StopReason);
    }

    [Fact]
    public async Task Streamed_malicious_tool_use_becomes_a_text_block_at_its_index_and_the_parallel_benign_one_stays()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = ScriptedUpstream.Sse(Wire.Pieces(Wire.AnthropicStream(Text, ("Bash", Wire.Malicious), ("Bash", Wire.Benign)), 31));
        var result = await StreamAsync(Client(rig));

        var call = Assert.Single(result.Calls);
        Assert.Equal(2, call.Key);
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(Wire.Benign)), JsonSerializer.Serialize(JsonDocument.Parse(call.Value.Args)));
        Assert.Equal(string.Concat(Text), result.BlockTexts[0]);
        Assert.Contains("Palisade blocked a call to tool 'Bash'", result.BlockTexts[1]);
        Assert.DoesNotContain("s.sh", result.Text);
        Assert.Equal("tool_use", result.StopReason);

        var blocked = Assert.Single(rig.Verdicts(), v => v.GetProperty("decision").GetString() == "block");
        var extra = blocked.GetProperty("extra");
        Assert.Equal("anthropic", extra.GetProperty("provider").GetString());
        Assert.Equal("claude-sonnet-4-5", extra.GetProperty("model").GetString());
        Assert.Equal("25", extra.GetProperty("input_tokens").GetString());
    }

    [Fact]
    public async Task Streamed_answer_whose_only_tool_use_is_blocked_ends_the_turn()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = ScriptedUpstream.Sse(Wire.Pieces(Wire.AnthropicStream(Text, ("Bash", Wire.Exfiltration)), 64));
        var result = await StreamAsync(Client(rig));
        Assert.Empty(result.Calls);
        Assert.Equal("end_turn", result.StopReason);
        Assert.DoesNotContain("id_rsa", result.Text);
    }

    [Fact]
    public async Task Whole_answer_gets_a_text_block_in_place_of_the_malicious_tool_use()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = ScriptedUpstream.Json(Wire.AnthropicWhole("Installing.", ("Bash", Wire.Malicious)));
        var message = await Client(rig).Messages.Create(Ask("install it"));
        Assert.Equal(2, message.Content.Count);
        Assert.DoesNotContain(message.Content, b => b.TryPickToolUse(out _));
        Assert.True(message.Content[1].TryPickText(out var note));
        Assert.Contains("Palisade blocked a call to tool 'Bash'", note.Text);
        Assert.Equal("end_turn", message.StopReason?.Raw());
    }

    [Fact]
    public async Task Whole_answer_with_a_benign_tool_use_is_unchanged()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = ScriptedUpstream.Json(Wire.AnthropicWhole("Looking.", ("Bash", Wire.Benign)));
        var message = await Client(rig).Messages.Create(Ask("look"));
        Assert.True(message.Content[1].TryPickToolUse(out var use));
        Assert.Equal("ls -la src", use.Input["command"].GetString());
        Assert.Equal("tool_use", message.StopReason?.Raw());
    }
}
