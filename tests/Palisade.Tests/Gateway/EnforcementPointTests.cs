using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Palisade.Core.Model;
using Palisade.Core.Policy;
using Palisade.Gateway.Approvals;
using Palisade.Tests.Gateway.Support;

namespace Palisade.Tests.Gateway;

public sealed class EnforcementPointTests
{
    // Built at run time so no scanner of this repository's own tooling sees a literal key.
    private static readonly string AwsKey = "AKIA" + "Z7QW3RT5YU2IO4PX";

    private static AgentAction SecretPrompt() => AgentAction.FromText(ActionKind.Prompt, $"deploy with aws_access_key_id={AwsKey} please", Direction.Egress, ActionSource.User) with { Transport = "gateway", SessionId = "s1" };

    [Fact]
    public async Task A_block_is_recorded_before_the_verdict_returns_and_the_record_is_redacted()
    {
        await using var gw = await TestGateway.StartAsync();
        var judgement = await gw.Running.Context.Enforcement.JudgeAsync(SecretPrompt(), "gateway");
        Assert.Equal(Decision.Block, judgement.Decision);
        var record = gw.AuditRecords().Single(r => r.TryGetProperty("event_id", out var id) && id.GetString() == judgement.EventId);
        Assert.Equal("block", record.GetProperty("decision").GetString());
        Assert.DoesNotContain(AwsKey, record.GetRawText());
    }

    [Fact]
    public async Task A_review_waits_for_approval_on_the_admin_plane_and_approval_lets_it_through()
    {
        await using var gw = await TestGateway.StartAsync(PalisadeConfig.Default with { Mode = PolicyMode.Interactive });
        var ep = gw.Running.Context.Enforcement;
        var action = SecretPrompt();
        var judgement = await ep.JudgeAsync(action, "gateway");
        Assert.Equal(Decision.Review, judgement.Decision);

        var waiting = ep.ReviewAsync(judgement, action, "gateway", "prompt to test-model", CancellationToken.None).AsTask();
        var id = await PendingIdAsync(gw);
        var answer = await gw.Admin.PostAsJsonAsync($"/api/approvals/{id}", new { decision = "approve" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var final = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Decision.Allow, final.Decision);
        var record = gw.AuditRecords().Single(r => r.TryGetProperty("event_id", out var e) && e.GetString() == final.EventId);
        Assert.Equal("approved", record.GetProperty("extra").GetProperty("approval").GetString());
        Assert.Equal(judgement.EventId, record.GetProperty("extra").GetProperty("review_event").GetString());
    }

    [Fact]
    public async Task A_denied_review_blocks_and_a_second_answer_is_refused()
    {
        await using var gw = await TestGateway.StartAsync(PalisadeConfig.Default with { Mode = PolicyMode.Interactive });
        var ep = gw.Running.Context.Enforcement;
        var action = SecretPrompt();
        var judgement = await ep.JudgeAsync(action, "gateway");
        var waiting = ep.ReviewAsync(judgement, action, "gateway", "prompt", CancellationToken.None).AsTask();
        var id = await PendingIdAsync(gw);
        Assert.Equal(HttpStatusCode.OK, (await gw.Admin.PostAsJsonAsync($"/api/approvals/{id}", new { decision = "deny" })).StatusCode);
        Assert.Equal(Decision.Block, (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Decision);
        Assert.Equal(HttpStatusCode.NotFound, (await gw.Admin.PostAsJsonAsync($"/api/approvals/{id}", new { decision = "approve" })).StatusCode);
    }

    [Fact]
    public async Task An_approval_answer_without_a_valid_decision_is_a_400_and_leaves_the_action_waiting()
    {
        await using var gw = await TestGateway.StartAsync(PalisadeConfig.Default with { Mode = PolicyMode.Interactive });
        var ep = gw.Running.Context.Enforcement;
        var action = SecretPrompt();
        var judgement = await ep.JudgeAsync(action, "gateway");
        using var cancel = new CancellationTokenSource();
        var waiting = ep.ReviewAsync(judgement, action, "gateway", "prompt", cancel.Token).AsTask();
        var id = await PendingIdAsync(gw);
        Assert.Equal(HttpStatusCode.BadRequest, (await gw.Admin.PostAsJsonAsync($"/api/approvals/{id}", new { decision = "yes" })).StatusCode);
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();
        Assert.Equal(Decision.Block, (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Decision);
    }

    [Fact]
    public async Task An_unanswered_review_times_out_as_a_block()
    {
        var queue = new ApprovalQueue(TimeProvider.System, TimeSpan.FromMilliseconds(50));
        var outcome = await queue.WaitAsync("e1", "gateway", "prompt", "r", "why", null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ApprovalOutcome.TimedOut, outcome);
        Assert.Empty(queue.Pending());
    }

    [Fact]
    public async Task Stopping_the_gateway_ends_held_reviews_unapproved()
    {
        var gw = await TestGateway.StartAsync(PalisadeConfig.Default with { Mode = PolicyMode.Interactive });
        try
        {
            var ep = gw.Running.Context.Enforcement;
            var action = SecretPrompt();
            var judgement = await ep.JudgeAsync(action, "gateway");
            var waiting = ep.ReviewAsync(judgement, action, "gateway", "prompt", CancellationToken.None).AsTask();
            await PendingIdAsync(gw);
            await gw.Running.StopAsync();
            Assert.Equal(Decision.Block, (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Decision);
        }
        finally
        {
            await gw.DisposeAsync();
        }
    }

    [Fact]
    public async Task When_the_audit_log_cannot_be_written_enforce_blocks_and_monitor_lets_through()
    {
        foreach (var (mode, expected) in new[] { (PolicyMode.Enforce, Decision.Block), (PolicyMode.Monitor, Decision.Allow) })
        {
            await using var gw = await TestGateway.StartAsync(PalisadeConfig.Default with { Mode = mode });
            // Replace the audit directory with a file: every later append fails.
            Directory.Delete(gw.AuditDirectory, recursive: true);
            File.WriteAllText(gw.AuditDirectory, "not a directory");
            var ep = gw.Running.Context.Enforcement;
            var secret = await ep.JudgeAsync(SecretPrompt(), "gateway");
            if (mode == PolicyMode.Enforce) Assert.Equal("audit-unavailable", secret.Rule);
            var benign = await ep.JudgeAsync(AgentAction.FromText(ActionKind.Prompt, "hello there"), "gateway");
            Assert.Equal(expected, benign.Decision);
            File.Delete(gw.AuditDirectory);
            Directory.CreateDirectory(gw.AuditDirectory);
        }
    }

    private static async Task<string> PendingIdAsync(TestGateway gw)
    {
        // The review is registered before ReviewAsync's first await; poll the admin API a bounded number of times.
        for (var i = 0; i < 200; i++)
        {
            var list = JsonDocument.Parse(await gw.Admin.GetStringAsync("/api/approvals")).RootElement.GetProperty("approvals");
            if (list.GetArrayLength() > 0) return list[0].GetProperty("id").GetString()!;
            await Task.Yield();
        }
        throw new TimeoutException("no approval appeared on the admin plane.");
    }
}
