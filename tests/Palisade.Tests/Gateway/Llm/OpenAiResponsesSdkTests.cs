#pragma warning disable OPENAI001 // the Responses client is marked experimental in OpenAI 2.15.0
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using OpenAI.Responses;
using Palisade.Tests.Gateway.Llm.Support;

namespace Palisade.Tests.Gateway.Llm;

/// <summary>The official OpenAI .NET SDK's Responses client through the gateway against a scripted upstream.</summary>
public sealed class OpenAiResponsesSdkTests
{
    private static readonly string[] Text = ["Checking", " the build", " now."];

    private static ResponsesClient Client(LlmRig rig) => new(new ApiKeyCredential("sk-test-key"), new ResponsesClientOptions
    {
        Endpoint = rig.OpenAiEndpoint,
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
    });

    [Fact]
    public async Task Streamed_malicious_function_call_becomes_a_message_and_the_benign_one_stays()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = ScriptedUpstream.Sse(Wire.Pieces(Wire.ResponsesStream(Text, ("Bash", Wire.Benign), ("Bash", Wire.Malicious)), 23));
        var text = new StringBuilder();
        var done = new List<ResponseItem>();
        ResponseResult? final = null;
        await foreach (var update in await Client(rig).CreateResponseStreamingAsync("gpt-4.1", "check the build"))
        {
            if (update is StreamingResponseOutputTextDeltaUpdate delta) text.Append(delta.Delta);
            if (update is StreamingResponseOutputItemDoneUpdate item) done.Add(item.Item);
            if (update is StreamingResponseCompletedUpdate completed) final = completed.Response;
        }
        var call = Assert.Single(done.OfType<FunctionCallResponseItem>());
        Assert.Equal(Wire.Benign, call.FunctionArguments.ToString());
        Assert.StartsWith(string.Concat(Text), text.ToString());
        Assert.Contains("Palisade blocked a call to tool 'Bash'", text.ToString());
        Assert.NotNull(final);
        Assert.Single(final.OutputItems.OfType<FunctionCallResponseItem>());
        Assert.Equal(2, final.OutputItems.OfType<MessageResponseItem>().Count());

        var blocked = Assert.Single(rig.Verdicts(), v => v.GetProperty("decision").GetString() == "block");
        Assert.Equal("openai_responses", blocked.GetProperty("extra").GetProperty("protocol").GetString());
    }

    [Fact]
    public async Task Whole_response_replaces_the_malicious_function_call_with_a_message()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = ScriptedUpstream.Json(Wire.ResponsesWhole("Running the installer.", ("Bash", Wire.Exfiltration)));
        ResponseResult response = await Client(rig).CreateResponseAsync("gpt-4.1", "install it");
        Assert.Empty(response.OutputItems.OfType<FunctionCallResponseItem>());
        Assert.Contains("Palisade blocked a call to tool 'Bash'", response.GetOutputText());
        Assert.DoesNotContain("id_rsa", response.GetOutputText());
        Assert.Equal("40", Assert.Single(rig.Verdicts(), v => v.GetProperty("decision").GetString() == "block").GetProperty("extra").GetProperty("output_tokens").GetString());
    }

    [Fact]
    public async Task Whole_response_with_a_benign_call_is_unchanged()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Upstream.Answer = ScriptedUpstream.Json(Wire.ResponsesWhole("Listing.", ("Bash", Wire.Benign)));
        ResponseResult response = await Client(rig).CreateResponseAsync("gpt-4.1", "list");
        Assert.Equal(Wire.Benign, Assert.Single(response.OutputItems.OfType<FunctionCallResponseItem>()).FunctionArguments.ToString());
    }
}
