using System.Net;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Palisade.Core.Audit;
using Palisade.Gateway.Admin;
using Palisade.Gateway.Approvals;
using Palisade.Gateway.Enforcement;

namespace Palisade.Gateway.Hosting;

/// <summary>
/// Starts the two planes of <c>palisade run</c> as two Kestrel apps in one process: the data plane agents reach, and the
/// admin plane behind a token. They share one engine, recorder and approval queue, but no endpoint: nothing an agent can
/// reach on the data plane can approve its own actions or change the gateway.
/// </summary>
public static class GatewayHost
{
    /// <summary>Runs after which a rule moves to the linear-time engine (its matching gets cheaper, its memory larger).</summary>

    public static async Task<RunningGateway> StartAsync(GatewayStartOptions options, IReadOnlyList<IGatewayModule> modules, CancellationToken cancel = default)
    {
        var config = options.Engine.Config;
        var dataEndpoint = ListenAddress.Parse(options.Listen, "--listen");
        var adminEndpoint = ListenAddress.Parse(options.AdminListen, "--admin-listen");
        var h2cEndpoint = options.ListenH2c is null ? null : ListenAddress.Parse(options.ListenH2c, "--listen-h2c");
        if (dataEndpoint.Port != 0 && dataEndpoint.Equals(adminEndpoint))
            throw new ArgumentException($"--listen and --admin-listen are both {dataEndpoint}; the admin plane needs its own address.");

        var stopping = new CancellationTokenSource();
        var recorder = new AuditRecorder(options.AuditLog);
        var approvals = new ApprovalQueue(options.Time, config.Gateway.ApprovalTimeout);
        var context = new GatewayContext
        {
            Config = config,
            Engine = options.Engine,
            Audit = recorder,
            Approvals = approvals,
            Enforcement = new EnforcementPoint(options.Engine, recorder, approvals, options.Time),
            Time = options.Time,
            HomeDirectory = options.Home.Root,
            Upstream = new HttpMessageInvoker(options.UpstreamHandler ?? UpstreamHandler.Create(), disposeHandler: options.UpstreamHandler is null),
            Stopping = stopping.Token,
        };

        WebApplication? data = null, admin = null;
        ListenOptions? h2c = null;
        try
        {
            data = Build(dataEndpoint, HttpProtocols.Http1, context, modules, l => { foreach (var module in modules) module.ConfigureDataListener(l, context); }, h2cEndpoint, l => h2c = l);
            foreach (var module in modules) module.MapData(data, context);
            HealthEndpoints.MapData(data);
            data.MapFallback(NotFound);

            admin = Build(adminEndpoint, HttpProtocols.Http1, context, modules, null);
            admin.UseMiddleware<AdminTokenMiddleware>(options.AdminToken);
            HealthEndpoints.MapAdmin(admin, context);
            ApprovalEndpoints.Map(admin, approvals);
            foreach (var module in modules) module.MapAdmin(admin, context);
            admin.MapFallback(NotFound);

            await recorder.AppendAsync(AuditEvent.Start("gateway", AuditEvent.NewId(options.Time), new Dictionary<string, string>
            {
                ["mode"] = config.Mode.ToString().ToLowerInvariant(),
                ["config"] = config.Source,
            }), cancel).ConfigureAwait(false);
            await data.StartAsync(cancel).ConfigureAwait(false);
            await admin.StartAsync(cancel).ConfigureAwait(false);
        }
        catch
        {
            if (data is not null) await data.DisposeAsync().ConfigureAwait(false);
            if (admin is not null) await admin.DisposeAsync().ConfigureAwait(false);
            context.Upstream.Dispose();
            await recorder.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
            throw;
        }

        options.Engine.PrepareForLongRun();
        var urls = new GatewayUrls(BoundUrl(data, h2c), BoundUrl(admin), h2c is null ? null : new Uri($"http://{h2c.IPEndPoint}/".Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)));
        return new RunningGateway(data, admin, context, recorder, stopping, urls);
    }

    private static WebApplication Build(IPEndPoint endpoint, HttpProtocols protocols, GatewayContext context, IReadOnlyList<IGatewayModule> modules,
        Action<ListenOptions>? listener, IPEndPoint? h2cEndpoint = null, Action<ListenOptions>? h2cListening = null)
    {
        var builder = IsolatedWebBuilder.Create();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IHostLifetime, ManualLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = context.Config.Gateway.DrainTimeout);
        builder.Services.AddSingleton(context);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            // Bodies are capped by each surface with an answer that says why (413 for the LLM gateway); a forward proxy
            // streams transfers of any size, so Kestrel itself must not cut them.
            k.Limits.MaxRequestBodySize = null;
            k.Listen(endpoint, l =>
            {
                l.Protocols = protocols;
                listener?.Invoke(l);
            });
            // Kestrel writes the bound port back into the listen options, so port 0 can be reported after start.
            // The forward proxy's connection hook stays on the HTTP/1.1 listener: CONNECT over HTTP/2 is not offered.
            if (h2cEndpoint is not null)
                k.Listen(h2cEndpoint, l =>
                {
                    l.Protocols = HttpProtocols.Http2;
                    h2cListening?.Invoke(l);
                });
        });
        foreach (var module in modules) module.ConfigureServices(builder.Services, context);
        return builder.Build();
    }

    private static Task NotFound(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync("{\"error\":{\"type\":\"not_found\",\"message\":\"Palisade has no route for this path. LLM providers are under /{provider}/..., e.g. /openai/v1 or /anthropic.\"}}");
    }

    private static Uri BoundUrl(WebApplication app, ListenOptions? except = null)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => except is null || !a.EndsWith($":{except.IPEndPoint!.Port}", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("the listener reported no address.");
        return new Uri(address.Replace("[::]", "[::1]", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }
}
