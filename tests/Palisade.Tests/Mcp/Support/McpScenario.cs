using System.Text.Json.Nodes;

namespace Palisade.Tests.Mcp.Support;

/// <summary>The test server's scenario file: its tools and canned results. Rewriting it changes the running server's tools.</summary>
public sealed class McpScenario
{
    private readonly JsonArray _tools = [];
    private readonly JsonObject _results = [];

    public string Path { get; }

    public McpScenario(string path)
    {
        Path = path;
        Save();
    }

    public McpScenario Tool(string name, string description, params string[] stringParameters)
    {
        var properties = new JsonObject();
        foreach (var p in stringParameters) properties[p] = new JsonObject { ["type"] = "string" };
        var existing = _tools.OfType<JsonObject>().FirstOrDefault(t => (string?)t["name"] == name);
        if (existing is not null) _tools.Remove(existing);
        _tools.Add(new JsonObject
        {
            ["name"] = name,
            ["description"] = description,
            ["inputSchema"] = new JsonObject { ["type"] = "object", ["properties"] = properties },
        });
        Save();
        return this;
    }

    public McpScenario Result(string tool, string text)
    {
        _results[tool] = text;
        Save();
        return this;
    }

    private void Save() => File.WriteAllText(Path, new JsonObject { ["tools"] = _tools.DeepClone(), ["results"] = _results.DeepClone() }.ToJsonString());

    /// <summary>Benign tools most tests start from.</summary>
    public static McpScenario Standard(string path) => new McpScenario(path)
        .Tool("search", "Search the project documentation for a query and return matching passages.", "query")
        .Tool("run_command", "Run a shell command in the project directory and return its output.", "command")
        .Tool("crash", "Exits the server (test fixture).")
        .Tool("garbage", "Writes a malformed frame (test fixture).")
        .Tool("stray", "Writes a response to an unknown id (test fixture).")
        .Tool("sample", "Asks the client's model for a completion.", "prompt");
}
