using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// A scenario-driven MCP server over stdio. The scenario file (argument 1) is re-read on every request, so a test can
// change the tools under a running server (a rug-pull) by rewriting it. Scenario:
//   { "tools": [ {name, description, inputSchema} ], "results": { "tool": "text it returns" } }
// Tools named here behave specially whatever the scenario says:
//   crash    — the process exits with code 3 before answering;
//   garbage  — writes a line that is not JSON to stdout, then answers normally;
//   stray    — writes a response to a request id nobody sent, then answers normally;
//   sample   — asks the client for a sampling completion whose prompt is the 'prompt' argument, else results.sample_prompt.
// With --http the same server is served over streamable HTTP on 127.0.0.1 (a free port, printed as the first stdout line).
var scenarioPath = args.Length > 0 ? args[0] : throw new ArgumentException("usage: Palisade.Mcp.TestServer SCENARIO.json [--http]");
var stdout = Console.OpenStandardOutput();

JsonObject Scenario() => JsonNode.Parse(File.ReadAllText(scenarioPath))!.AsObject();

void Raw(string line)
{
    var bytes = Encoding.UTF8.GetBytes(line + "\n");
    lock (stdout)
    {
        stdout.Write(bytes);
        stdout.Flush();
    }
}

var options = new McpServerOptions
{
    ServerInfo = new Implementation { Name = "palisade-test-server", Version = "1.0.0" },
    Capabilities = new ServerCapabilities { Tools = new ToolsCapability { ListChanged = true } },
    Handlers = new McpServerHandlers
    {
        ListToolsHandler = (_, _) =>
        {
            var tools = Scenario()["tools"]!.AsArray().Select(t => JsonSerializer.Deserialize<Tool>(t!.ToJsonString())!).ToList();
            return ValueTask.FromResult(new ListToolsResult { Tools = tools });
        },
        CallToolHandler = async (request, cancel) =>
        {
            var name = request.Params!.Name;
            switch (name)
            {
                case "crash":
                    Environment.Exit(3);
                    break;
                case "garbage":
                    Raw("this line is not JSON-RPC");
                    break;
                case "stray":
                    Raw("""{"jsonrpc":"2.0","id":987654,"result":{"content":[{"type":"text","text":"unsolicited"}]}}""");
                    break;
                case "sample":
                    var prompt = request.Params.Arguments?.TryGetValue("prompt", out var p) == true ? p.GetString()! : Scenario()["results"]?["sample_prompt"]?.GetValue<string>() ?? "";
                    try
                    {
                        var sampled = await request.Server.SampleAsync(new CreateMessageRequestParams
                        {
                            Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = prompt }] }],
                            MaxTokens = 100,
                        }, cancel);
                        return Text($"sampled: {string.Join(" ", sampled.Content.OfType<TextContentBlock>().Select(c => c.Text))}");
                    }
                    catch (McpProtocolException e)
                    {
                        return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = $"sampling refused: {e.ErrorCode}" }] };
                    }
            }
            var results = Scenario()["results"]?.AsObject();
            var text = results?[name]?.GetValue<string>() ?? $"{name} ran with {request.Params.Arguments?.Count ?? 0} argument(s)";
            return Text(text);
        },
    },
};

static CallToolResult Text(string text) => new() { Content = [new TextContentBlock { Text = text }] };

if (args.Contains("--http"))
{
    await HttpHost.RunAsync(options);
    return;
}
await using var server = McpServer.Create(new StdioServerTransport(options), options);
await server.RunAsync();
