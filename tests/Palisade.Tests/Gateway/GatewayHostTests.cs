using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Palisade.Core.Model;
using Palisade.Core.Policy;
using Palisade.Gateway.Hosting;
using Palisade.Tests.Gateway.Support;

namespace Palisade.Tests.Gateway;

public sealed class GatewayHostTests
{
    [Fact]
    public async Task Both_planes_answer_healthz_and_only_the_admin_plane_reports_the_mode()
    {
        await using var gw = await TestGateway.StartAsync();
        var data = JsonDocument.Parse(await gw.Data.GetStringAsync("/healthz")).RootElement;
        Assert.Equal("ok", data.GetProperty("status").GetString());
        Assert.False(data.TryGetProperty("mode", out _));

        using var anonymous = new HttpClient { BaseAddress = gw.Running.Urls.Admin };
        var admin = JsonDocument.Parse(await anonymous.GetStringAsync("/healthz")).RootElement;
        Assert.Equal("enforce", admin.GetProperty("mode").GetString());
        Assert.True(admin.GetProperty("audit").GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task Admin_api_needs_the_bearer_token()
    {
        await using var gw = await TestGateway.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = gw.Running.Urls.Admin };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/approvals")).StatusCode);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/approvals");
        wrong.Headers.Authorization = new("Bearer", gw.AdminTokenText[..^1] + (gw.AdminTokenText[^1] == 'a' ? 'b' : 'a'));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(wrong)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await gw.Admin.GetAsync("/api/approvals")).StatusCode);
    }

    [Fact]
    public async Task Data_plane_does_not_serve_the_admin_api()
    {
        await using var gw = await TestGateway.StartAsync();
        gw.Data.DefaultRequestHeaders.Authorization = new("Bearer", gw.AdminTokenText);
        Assert.Equal(HttpStatusCode.NotFound, (await gw.Data.GetAsync("/api/approvals")).StatusCode);
        Assert.NotEqual(gw.Running.Urls.Data.Port, gw.Running.Urls.Admin.Port);
    }

    [Fact]
    public async Task Admin_token_file_is_private_and_stable_across_restarts()
    {
        await using var gw = await TestGateway.StartAsync();
        var path = Path.Combine(gw.Home.Path, "admin.token");
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var again = Palisade.Gateway.Admin.AdminToken.LoadOrCreate(new Palisade.Core.Config.PalisadeHome(gw.Home.Path));
        Assert.True(again.Accepts("Bearer " + gw.AdminTokenText));
        Assert.True(gw.AdminTokenText.Length >= 40);
    }

    [Fact]
    public async Task Stop_lets_an_in_flight_request_finish_then_closes_the_audit_log_with_a_checkpoint()
    {
        var module = new HeldRequestModule();
        var gw = await TestGateway.StartAsync(modules: [module]);
        try
        {
            var request = gw.Data.GetStringAsync("/held");
            await module.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
            var stop = gw.Running.StopAsync();
            Assert.False(stop.IsCompleted);
            module.Release.SetResult();
            Assert.Equal("finished", await request.WaitAsync(TimeSpan.FromSeconds(10)));
            await stop.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal("checkpoint", gw.AuditRecords()[^1].GetProperty("type").GetString());
        }
        finally
        {
            await gw.DisposeAsync();
        }
    }

    [Fact]
    public async Task Unknown_data_plane_path_is_a_json_404_that_says_where_providers_live()
    {
        await using var gw = await TestGateway.StartAsync();
        var response = await gw.Data.GetAsync("/nowhere");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/{provider}/", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Block_answer_carries_the_design_body_and_headers_with_quotes_left_readable()
    {
        await using var gw = await TestGateway.StartAsync(modules: [new BlockingModule()]);
        var response = await gw.Data.GetAsync("/blocked");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("block", response.Headers.GetValues("Palisade-Decision").Single());
        Assert.Equal("demo-rule", response.Headers.GetValues("Palisade-Rule").Single());
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("in 'arguments.command'", raw);
        var error = JsonDocument.Parse(raw).RootElement.GetProperty("error");
        Assert.Equal("palisade_blocked", error.GetProperty("type").GetString());
        Assert.Equal("demo-rule", error.GetProperty("rule").GetString());
        Assert.Equal("e-1", error.GetProperty("event_id").GetString());
    }

    private sealed class BlockingModule : IGatewayModule
    {
        public void MapData(WebApplication app, GatewayContext context) => app.MapGet("/blocked", (HttpContext http) =>
            Palisade.Gateway.Enforcement.BlockAnswer.WriteAsync(http, new Palisade.Gateway.Enforcement.Judgement(new Verdict
            {
                Decision = Decision.Block, WouldDecide = Decision.Block, DecidingRule = "demo-rule", Reason = "blocked: a demo in 'arguments.command'.",
            }, "e-1")));
    }

    private sealed class HeldRequestModule : IGatewayModule
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void MapData(WebApplication app, GatewayContext context) => app.MapGet("/held", async (HttpContext http) =>
        {
            Entered.SetResult();
            await Release.Task;
            await http.Response.WriteAsync("finished");
        });
    }
}
