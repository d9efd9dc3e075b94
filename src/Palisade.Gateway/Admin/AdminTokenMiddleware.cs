using Microsoft.AspNetCore.Http;

namespace Palisade.Gateway.Admin;

/// <summary>Every admin request but <c>GET /healthz</c> needs the bearer token; without it: 401 and nothing else.</summary>
public sealed class AdminTokenMiddleware(RequestDelegate next, AdminToken token)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path == "/healthz") return next(context);
        if (token.Accepts(context.Request.Headers.Authorization)) return next(context);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{\"error\":{\"message\":\"the admin plane needs 'Authorization: Bearer <token>' with the token from $PALISADE_HOME/admin.token.\"}}");
    }
}
