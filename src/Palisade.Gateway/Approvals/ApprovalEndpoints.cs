using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Palisade.Gateway.Approvals;

/// <summary><c>GET /api/approvals</c> lists waiting actions; <c>POST /api/approvals/{id}</c> with <c>{"decision":"approve"|"deny"}</c> answers one.</summary>
public static class ApprovalEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApprovalQueue queue)
    {
        app.MapGet("/api/approvals", () => Results.Json(new { approvals = queue.Pending().Select(ToJson) }));
        app.MapPost("/api/approvals/{id}", async (string id, HttpRequest request) =>
        {
            string? decision;
            try
            {
                using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
                decision = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("decision", out var d) && d.ValueKind == JsonValueKind.String
                    ? d.GetString() : null;
            }
            catch (JsonException)
            {
                decision = null;
            }
            if (decision is not ("approve" or "deny"))
                return Error(StatusCodes.Status400BadRequest, "send a JSON body {\"decision\": \"approve\"} or {\"decision\": \"deny\"}.");
            return queue.TryAnswer(id, decision == "approve")
                ? Results.Json(new { id, decision })
                : Error(StatusCodes.Status404NotFound, $"no action is waiting with id '{id}'; it may have been answered, timed out, or its caller gone.");
        });
    }

    private static object ToJson(ApprovalRequest r) => new
    {
        id = r.Id, event_id = r.EventId, surface = r.Surface, summary = r.Summary, rule = r.Rule, reason = r.Reason,
        session = r.Session, created = r.Created, expires = r.Expires,
    };

    private static IResult Error(int status, string message) => Results.Json(new { error = new { message } }, statusCode: status);
}
