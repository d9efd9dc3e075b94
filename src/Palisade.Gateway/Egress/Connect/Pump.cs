namespace Palisade.Gateway.Egress.Connect;

/// <summary>Copies bytes both ways until one side ends; then both are done (the caller disposes them).</summary>
public static class Pump
{
    public static async Task BothWaysAsync(Stream a, Stream b, CancellationToken cancel)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var ab = CopyAsync(a, b, stop.Token);
        var ba = CopyAsync(b, a, stop.Token);
        await Task.WhenAny(ab, ba).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(ab, ba).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    private static async Task CopyAsync(Stream from, Stream to, CancellationToken cancel)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var n = await from.ReadAsync(buffer, cancel).ConfigureAwait(false);
                if (n == 0) return;
                await to.WriteAsync(buffer.AsMemory(0, n), cancel).ConfigureAwait(false);
                await to.FlushAsync(cancel).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }
}
