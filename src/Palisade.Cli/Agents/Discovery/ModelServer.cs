namespace Palisade.Cli.Agents.Discovery;

/// <summary>A local model server, known by the port it listens on by default.</summary>
public sealed record ModelServer(string Name, int Port)
{
    public static readonly IReadOnlyList<ModelServer> Known =
    [
        new("Ollama", 11434),
        new("LM Studio", 1234),
        new("vLLM", 8000),
        new("LocalAI", 8080),
    ];
}
