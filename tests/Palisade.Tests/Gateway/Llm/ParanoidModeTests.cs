using System.Net;
using System.Net.Http.Json;
using OpenAI.Chat;
using Palisade.Core.Policy;
using Palisade.Core.Policy.Paranoid;
using Palisade.Tests.Gateway.Llm.Support;

namespace Palisade.Tests.Gateway.Llm;

/// <summary>
/// Paranoid mode through the LLM gateway: a tool call the model makes whose program is on no allow-list waits for a
/// person, even though no rule finds anything in it; once listed it passes untouched, and a rule's block still wins.
/// </summary>
public sealed class ParanoidModeTests
{
    private static PalisadeConfig Paranoid(ParanoidConfig lists) => PalisadeConfig.Default with { Mode = PolicyMode.Paranoid, Paranoid = lists };

    [Fact]
    public async Task An_unlisted_command_inside_a_listed_tool_is_held_and_a_denial_removes_the_call()
    {
        await using var rig = await LlmRig.StartAsync(Paranoid(new ParanoidConfig { AllowTools = ["Bash"] }));
        var added = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Gateway.Running.Context.Approvals.Added += r => added.TrySetResult(r.Id);
        rig.Upstream.Answer = ScriptedUpstream.Json(Wire.ChatWhole(null, ("Bash", Wire.Benign)));

        var call = OpenAiChatSdkTests.Client(rig).CompleteChatAsync([new UserChatMessage("list the sources")]);
        var id = await added.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var pending = (await rig.Gateway.Admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/approvals")).GetProperty("approvals")[0];
        Assert.Equal("paranoid-unlisted", pending.GetProperty("rule").GetString());
        Assert.Contains("'ls' is not on paranoid.allow_commands", pending.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, (await rig.Gateway.Admin.PostAsJsonAsync($"/api/approvals/{id}", new { decision = "deny" })).StatusCode);

        ChatCompletion completion = await call.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Empty(completion.ToolCalls);
        Assert.Contains("Palisade blocked a call to tool 'Bash'", completion.Content[0].Text);
    }

    [Fact]
    public async Task A_listed_tool_running_a_listed_program_passes_without_a_person()
    {
        await using var rig = await LlmRig.StartAsync(Paranoid(new ParanoidConfig { AllowTools = ["Bash"], AllowCommands = ["ls"] }));
        rig.Gateway.Running.Context.Approvals.Added += _ => Assert.Fail("nothing listed should wait for a person");
        rig.Upstream.Answer = ScriptedUpstream.Json(Wire.ChatWhole(null, ("Bash", Wire.Benign)));

        ChatCompletion completion = await OpenAiChatSdkTests.Client(rig).CompleteChatAsync([new UserChatMessage("list the sources")]);
        Assert.Equal(Wire.Benign, Assert.Single(completion.ToolCalls).FunctionArguments.ToString());
    }

    [Fact]
    public async Task A_rule_block_outranks_the_lists()
    {
        await using var rig = await LlmRig.StartAsync(Paranoid(new ParanoidConfig { AllowTools = ["Bash"], AllowCommands = ["curl", "sh"] }));
        rig.Upstream.Answer = ScriptedUpstream.Json(Wire.ChatWhole(null, ("Bash", Wire.Malicious)));

        ChatCompletion completion = await OpenAiChatSdkTests.Client(rig).CompleteChatAsync([new UserChatMessage("set it up")]);
        Assert.Empty(completion.ToolCalls);
        var verdict = Assert.Single(rig.Verdicts(), v => v.GetProperty("kind").GetString() == "tool_call");
        Assert.Equal("block", verdict.GetProperty("decision").GetString());
    }
}
