using System.Collections.Concurrent;

namespace Palisade.Gateway.Approvals;

/// <summary>
/// Actions waiting for a person. A waiter gets <see cref="ApprovalOutcome.Approved"/> only from an explicit
/// approval on the admin plane; a timeout, a denial, a cancelled caller or a shutdown all end as "not approved".
/// </summary>
public sealed class ApprovalQueue
{
    private readonly ConcurrentDictionary<string, Waiting> _pending = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;

    public ApprovalQueue(TimeProvider time, TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), "the approval timeout must be positive.");
        _time = time;
        _timeout = timeout;
    }

    /// <summary>Raised when an action starts waiting (for live views). Handlers must not throw.</summary>
    public event Action<ApprovalRequest>? Added;

    public IReadOnlyList<ApprovalRequest> Pending() => [.. _pending.Values.Select(w => w.Request).OrderBy(r => r.Created)];

    /// <summary>Holds the caller until a person answers, the timeout passes, or <paramref name="cancel"/> fires.</summary>
    public async Task<ApprovalOutcome> WaitAsync(string eventId, string surface, string summary, string? rule, string reason, string? session, CancellationToken cancel)
    {
        var now = _time.GetUtcNow();
        var request = new ApprovalRequest
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            EventId = eventId, Surface = surface, Summary = summary, Rule = rule, Reason = reason, Session = session,
            Created = now, Expires = now + _timeout,
        };
        var waiting = new Waiting(request, new TaskCompletionSource<ApprovalOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        _pending[request.Id] = waiting;
        try
        {
            Added?.Invoke(request);
            return await waiting.Answer.Task.WaitAsync(_timeout, _time, cancel).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return ApprovalOutcome.TimedOut;
        }
        catch (OperationCanceledException)
        {
            return ApprovalOutcome.Cancelled;
        }
        finally
        {
            _pending.TryRemove(request.Id, out _);
        }
    }

    /// <summary>Answers one waiting action; false when the id is unknown or already answered, timed out or gone.</summary>
    public bool TryAnswer(string id, bool approve) =>
        _pending.TryRemove(id, out var waiting) && waiting.Answer.TrySetResult(approve ? ApprovalOutcome.Approved : ApprovalOutcome.Denied);

    /// <summary>Ends every wait as cancelled (shutdown): nothing held is let through unanswered.</summary>
    public void CancelAll()
    {
        foreach (var id in _pending.Keys)
            if (_pending.TryRemove(id, out var waiting)) waiting.Answer.TrySetResult(ApprovalOutcome.Cancelled);
    }

    private sealed record Waiting(ApprovalRequest Request, TaskCompletionSource<ApprovalOutcome> Answer);
}
