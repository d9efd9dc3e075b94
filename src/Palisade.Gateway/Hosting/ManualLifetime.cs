using Microsoft.Extensions.Hosting;

namespace Palisade.Gateway.Hosting;

/// <summary>Keeps each plane's host from hooking Ctrl-C itself: <c>palisade run</c> owns the signal and drains both planes in order.</summary>
internal sealed class ManualLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
