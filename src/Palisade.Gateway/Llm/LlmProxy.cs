using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Palisade.Core.Model;
using Palisade.Core.Policy;
using Palisade.Gateway.Enforcement;
using Palisade.Gateway.Hosting;
using Palisade.Gateway.Llm.Forwarding;
using Palisade.Gateway.Llm.Judging;
using Palisade.Gateway.Llm.Providers;
using Palisade.Gateway.Llm.Requests;

namespace Palisade.Gateway.Llm;

/// <summary>
/// <c>/{provider}/{rest}</c> → <c>{upstream}/{rest}</c>. The request body is read (up to the cap), judged and possibly
/// redacted before anything is sent; the answer is relayed by <see cref="ResponseRelay"/>. A client that goes away
/// cancels the upstream call.
/// </summary>
public sealed class LlmProxy(GatewayContext context, ProviderCatalog providers, SessionTaint taint, EnforcementPoint prompts)
{
    /// <summary>Names the agent session in audit records and for taint, when the client sets it.</summary>
    public const string SessionHeader = "Palisade-Session";

    private readonly RequestJudge _requests = new(prompts, context.Enforcement, taint, new CleanFieldCache());
    private readonly ResponseRelay _responses = new(context, new ToolCallJudge(context.Enforcement));
    private bool Enforce => context.Config.Mode != PolicyMode.Monitor;

    public async Task HandleAsync(HttpContext http)
    {
        var provider = http.Request.RouteValues["provider"] as string ?? "";
        var rest = http.Request.RouteValues["rest"] as string ?? "";
        var target = providers.Target(provider, rest, http.Request.QueryString.Value ?? "");
        if (target is null)
        {
            await NotFoundAsync(http, provider).ConfigureAwait(false);
            return;
        }
        var protocol = WireProtocols.Detect(rest);
        var exchange = new Exchange(provider, protocol) { Session = NonEmpty(http.Request.Headers[SessionHeader].ToString()) };
        var cancel = http.RequestAborted;

        byte[]? body = null;
        if (HasBody(http.Request))
        {
            var (status, bytes) = await BodyReader.ReadAsync(http.Request, context.Config.Gateway.MaxRequestBodyBytes, cancel).ConfigureAwait(false);
            if (status != BodyReader.Status.Ok)
            {
                var tooLarge = status == BodyReader.Status.TooLarge;
                var judgement = await GatewayVerdicts.RecordAsync(context, exchange, ActionKind.Prompt, Direction.Egress,
                    tooLarge ? GatewayVerdicts.BodyTooLarge : GatewayVerdicts.UnknownEncoding,
                    tooLarge ? $"the request body is over the {context.Config.Gateway.MaxRequestBodyBytes / (1024 * 1024)} MB limit (gateway.max_request_body_mb)."
                             : "the request body is compressed with a coding Palisade cannot read; send it as identity, gzip, br or deflate.",
                    always: true).ConfigureAwait(false);
                await ProviderBlockAnswer.WriteAsync(http, protocol, provider, judgement, tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status415UnsupportedMediaType).ConfigureAwait(false);
                return;
            }
            body = await JudgeRequestAsync(http, exchange, bytes).ConfigureAwait(false);
            if (body is null) return;
        }
        await _responses.ForwardAsync(http, exchange, target, body).ConfigureAwait(false);
    }

    /// <summary>The body to forward (redacted where the policy said so), or null when the request was answered here.</summary>
    private async Task<byte[]?> JudgeRequestAsync(HttpContext http, Exchange exchange, byte[] body)
    {
        if (body.Length == 0) return body;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException)
        {
            var judgement = await GatewayVerdicts.RecordAsync(context, exchange, ActionKind.Prompt, Direction.Egress, GatewayVerdicts.UnreadableBody,
                "the request body is not JSON, so what it sends could not be checked.").ConfigureAwait(false);
            if (!Enforce) return body;
            await ProviderBlockAnswer.WriteAsync(http, exchange.Protocol, exchange.Provider, judgement, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return null;
        }
        List<RequestField> fields;
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                exchange.Model = Json.String(root, "model");
                exchange.Stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
                exchange.Session ??= NonEmpty(Json.String(Json.Get(root, "metadata"), "user_id") ?? Json.String(root, "user"));
            }
            fields = RequestFields.Find(root, exchange.Protocol);
        }
        exchange.Tainted = taint.IsTainted(exchange.Session);
        var (blocked, redactions) = await _requests.JudgeAsync(exchange, fields, http.RequestAborted).ConfigureAwait(false);
        if (blocked is not null)
        {
            await ProviderBlockAnswer.WriteAsync(http, exchange.Protocol, exchange.Provider, blocked).ConfigureAwait(false);
            return null;
        }
        if (redactions.Count == 0) return body;
        // Only a body that changes is parsed into mutable nodes and written again; the rest is forwarded byte for byte.
        var mutable = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 256 })!;
        foreach (var (field, text) in redactions) field.Replace(mutable, text);
        return Json.Utf8(mutable);
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)));

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private Task NotFoundAsync(HttpContext http, string provider)
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        http.Response.ContentType = "application/json";
        var message = $"Palisade has no provider named '{provider}'; use one of {string.Join(", ", providers.Names)}, or add it with --provider {provider}=URL.";
        return http.Response.WriteAsync(new JsonObject { ["error"] = new JsonObject { ["type"] = "not_found", ["message"] = message } }.ToJsonString(Json.Writing));
    }
}
