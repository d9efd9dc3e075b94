using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Palisade.Core.Policy;

namespace Palisade.Gateway.Hosting;

/// <summary><c>GET /healthz</c>: the data plane says only whether it is up; the admin plane adds mode, audit and approvals.</summary>
public static class HealthEndpoints
{
    public static void MapData(IEndpointRouteBuilder app) => app.MapGet("/healthz", () => Results.Json(new { status = "ok" }));

    public static void MapAdmin(IEndpointRouteBuilder app, GatewayContext context) => app.MapGet("/healthz", () =>
    {
        var audit = context.Audit.Health;
        return Results.Json(new
        {
            status = audit.Healthy ? "ok" : "degraded",
            mode = context.Config.Mode.ToWire(),
            audit = new { healthy = audit.Healthy, records_written = audit.RecordsWritten, last_error = audit.LastError },
            pending_approvals = context.Approvals.Pending().Count,
        }, statusCode: audit.Healthy ? 200 : 503);
    });
}
