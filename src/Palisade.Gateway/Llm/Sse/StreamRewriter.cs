using Palisade.Gateway.Llm.Judging;

namespace Palisade.Gateway.Llm.Sse;

/// <summary>
/// One protocol's view of a streamed answer: text events go straight to the client, a tool call's events are held until
/// the call is complete and judged, then forwarded as they came or replaced by protocol-valid events saying what was blocked.
/// </summary>
public abstract class StreamRewriter(ToolCallJudge judge, Exchange exchange, SseWriter output)
{
    protected ToolCallJudge Judge { get; } = judge;
    protected Exchange Exchange { get; } = exchange;
    protected SseWriter Output { get; } = output;

    public abstract ValueTask OnEventAsync(SseEvent ev, CancellationToken cancel);

    /// <summary>Called when the upstream body ended; a protocol that judges calls at its end (OpenAI Chat without a finish) does so here.</summary>
    public virtual ValueTask OnEndAsync(CancellationToken cancel) => ValueTask.CompletedTask;

    /// <summary>Tool calls that started and never completed (a truncated stream): they were not forwarded.</summary>
    public abstract IReadOnlyList<string> OpenCalls { get; }
}

/// <summary>How one protocol reads and rewrites answers, whole or streamed.</summary>
public interface IResponseAdapter
{
    /// <summary>The answer body with blocked tool calls replaced, or null when nothing changed (the original bytes are forwarded).</summary>
    ValueTask<byte[]?> RewriteAsync(byte[] body, Exchange exchange, ToolCallJudge judge, CancellationToken cancel);

    StreamRewriter CreateStream(Exchange exchange, ToolCallJudge judge, SseWriter output);
}
