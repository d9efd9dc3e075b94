using Palisade.Gateway.Llm.Judging;

namespace Palisade.Gateway.Llm.Sse;

/// <summary>
/// One protocol's view of a streamed answer: text events go straight to the client, a tool call's events are held until
/// the call is complete and judged, then forwarded as they came or replaced by protocol-valid events saying what was blocked.
/// </summary>
public abstract class StreamRewriter(ToolCallJudge judge, Exchange exchange, SseWriter output)
{
    /// <summary>What one stream may hold back at once: a call larger than this is refused, so memory per connection stays bounded.</summary>
    public const long MaxHeldBytes = 16 * 1024 * 1024;
    private long _heldBytes;

    protected ToolCallJudge Judge { get; } = judge;
    protected Exchange Exchange { get; } = exchange;
    protected SseWriter Output { get; } = output;

    public abstract ValueTask OnEventAsync(SseEvent ev, CancellationToken cancel);

    /// <summary>
    /// Judges a complete call. What was written before it goes to the client first: judging (and a review most of all)
    /// must not hold back text that came before the call.
    /// </summary>
    protected async ValueTask<Enforcement.Judgement> JudgeCallAsync(string name, string arguments, CancellationToken cancel)
    {
        await Output.FlushAsync(cancel).ConfigureAwait(false);
        return await Judge.JudgeAsync(Exchange, name, arguments, cancel).ConfigureAwait(false);
    }

    /// <summary>A copy of <paramref name="ev"/> to hold with an open call, counted against <see cref="MaxHeldBytes"/>.</summary>
    protected SseEvent Hold(SseEvent ev)
    {
        Holding(ev.Raw.Length + ev.Data.Length);
        return ev.Detach();
    }

    /// <summary>Counts <paramref name="bytes"/> more held back; past <see cref="MaxHeldBytes"/> the stream is refused.</summary>
    protected void Holding(long bytes)
    {
        _heldBytes += bytes;
        if (_heldBytes > MaxHeldBytes)
            throw new SseException($"the open tool calls in the upstream stream are over {MaxHeldBytes / (1024 * 1024)} MB.");
    }

    /// <summary>Called when held events were released or replaced.</summary>
    protected void Released(IEnumerable<SseEvent> events)
    {
        foreach (var ev in events) _heldBytes -= ev.Raw.Length + ev.Data.Length;
    }

    protected void Released(long bytes) => _heldBytes -= bytes;

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
