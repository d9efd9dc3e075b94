using Microsoft.AspNetCore.Builder;
using Palisade.Core.Audit;

namespace Palisade.Gateway.Hosting;

/// <summary>A started gateway. <see cref="StopAsync"/> drains: no new connections, in-flight requests and streams may finish within the drain timeout, held approvals end unapproved, then the audit log is closed with a checkpoint.</summary>
public sealed class RunningGateway : IAsyncDisposable
{
    private readonly WebApplication _data;
    private readonly WebApplication _admin;
    private readonly AuditRecorder _recorder;
    private readonly CancellationTokenSource _stopping;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stopCalled;

    internal RunningGateway(WebApplication data, WebApplication admin, GatewayContext context, AuditRecorder recorder, CancellationTokenSource stopping, GatewayUrls urls)
    {
        _data = data;
        _admin = admin;
        Context = context;
        _recorder = recorder;
        _stopping = stopping;
        Urls = urls;
    }

    public GatewayContext Context { get; }
    public GatewayUrls Urls { get; }

    /// <summary>Completes when the gateway has stopped and the audit log is closed.</summary>
    public Task Stopped => _stopped.Task;

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopCalled, 1) != 0)
        {
            await _stopped.Task.ConfigureAwait(false);
            return;
        }
        try
        {
            _stopping.Cancel();
            Context.Approvals.CancelAll();
            using (var drain = new CancellationTokenSource(Context.Config.Gateway.DrainTimeout))
                await _data.StopAsync(drain.Token).ConfigureAwait(false);
            using (var rest = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
                await _admin.StopAsync(rest.Token).ConfigureAwait(false);
            await _data.DisposeAsync().ConfigureAwait(false);
            await _admin.DisposeAsync().ConfigureAwait(false);
            Context.Upstream.Dispose();
            await _recorder.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _stopping.Dispose();
            _stopped.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
