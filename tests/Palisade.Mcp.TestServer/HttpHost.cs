using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

/// <summary>
/// A minimal streamable-HTTP front for the SDK's own <see cref="StreamableHttpServerTransport"/> (the hosting layer the
/// SDK ships for ASP.NET Core is not available here): one session, POST answered as SSE, DELETE ends it.
/// </summary>
internal static class HttpHost
{
    public static async Task RunAsync(McpServerOptions options)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var prefix = $"http://127.0.0.1:{port}/mcp/";
        using var listener = new HttpListener();
        listener.Prefixes.Add(prefix);
        listener.Start();

        var transport = new StreamableHttpServerTransport(null) { SessionId = Guid.NewGuid().ToString("N") };
        await using var server = McpServer.Create(transport, options);
        var running = server.RunAsync();
        Console.Out.WriteLine(prefix);
        Console.Out.Flush();

        // The test ends the server by closing its stdin.
        var stdinClosed = Task.Run(() => Console.In.ReadToEnd());
        while (!stdinClosed.IsCompleted)
        {
            var next = listener.GetContextAsync();
            if (await Task.WhenAny(next, stdinClosed) != next) break;
            var context = await next;
            _ = Task.Run(() => HandleAsync(context, transport));
        }
    }

    private static async Task HandleAsync(HttpListenerContext context, StreamableHttpServerTransport transport)
    {
        var response = context.Response;
        try
        {
            switch (context.Request.HttpMethod)
            {
                case "POST":
                    var message = await JsonSerializer.DeserializeAsync<JsonRpcMessage>(context.Request.InputStream, McpJsonUtilities.DefaultOptions);
                    response.Headers["Mcp-Session-Id"] = transport.SessionId;
                    response.ContentType = "text/event-stream";
                    response.SendChunked = true;
                    if (!await transport.HandlePostRequestAsync(message!, response.OutputStream, CancellationToken.None))
                        response.StatusCode = 202;
                    break;
                case "DELETE":
                    response.StatusCode = 200;
                    break;
                default:
                    response.StatusCode = 405;
                    break;
            }
        }
        finally
        {
            response.Close();
        }
    }
}
