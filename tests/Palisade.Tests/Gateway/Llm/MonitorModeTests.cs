using OpenAI.Chat;
using Palisade.Core.Policy;
using Palisade.Tests.Gateway.Llm.Support;

namespace Palisade.Tests.Gateway.Llm;

/// <summary>In monitor mode nothing is changed on the wire; every verdict is still recorded with what enforce would have done.</summary>
public sealed class MonitorModeTests
{
    [Fact]
    public async Task Monitor_forwards_the_malicious_call_and_the_secret_and_records_what_it_would_have_blocked()
    {
        await using var rig = await LlmRig.StartAsync(PalisadeConfig.Default with { Mode = PolicyMode.Monitor });
        rig.Upstream.Answer = ScriptedUpstream.Json(Wire.ChatWhole(null, ("Bash", Wire.Malicious)));
        ChatCompletion completion = await OpenAiChatSdkTests.Client(rig).CompleteChatAsync([new UserChatMessage("use AKIA45KXNM4HMAX2TINB to deploy")]);
        Assert.Equal(Wire.Malicious, Assert.Single(completion.ToolCalls).FunctionArguments.ToString());
        Assert.Contains("AKIA45KXNM4HMAX2TINB", Assert.Single(rig.Upstream.Requests).Body);

        var verdicts = rig.Verdicts();
        Assert.All(verdicts, v => Assert.NotEqual("block", v.GetProperty("decision").GetString()));
        Assert.Equal("block", Assert.Single(verdicts, v => v.GetProperty("kind").GetString() == "tool_call").GetProperty("would_decide").GetString());
        Assert.Equal("block", Assert.Single(verdicts, v => v.GetProperty("kind").GetString() == "prompt").GetProperty("would_decide").GetString());
    }
}
