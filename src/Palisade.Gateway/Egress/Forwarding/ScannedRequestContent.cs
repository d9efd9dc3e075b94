using System.Net;
using System.Net.Http;

namespace Palisade.Gateway.Egress.Forwarding;

/// <summary>
/// The request body as it goes upstream: the first window (already judged whole) and then, for a body longer than
/// that, the rest in windows judged as they stream. A blocked window aborts the upload before its bytes leave.
/// </summary>
internal sealed class ScannedRequestContent(byte[] first, int firstLength, Stream? rest, StreamWindowScanner scanner, long? length) : HttpContent
{
    private const int Chunk = StreamWindowScanner.ChunkBytes;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancel)
    {
        if (rest is null)
        {
            await stream.WriteAsync(first.AsMemory(0, firstLength), cancel).ConfigureAwait(false);
            return;
        }
        // Hold back the first window's end: the next window is judged together with it.
        var (release, stop) = await scanner.PushAsync(first.AsMemory(0, firstLength), final: false, cancel).ConfigureAwait(false);
        if (stop is not null) throw new BodyBlockedException(stop);
        await stream.WriteAsync(release, cancel).ConfigureAwait(false);
        var buffer = new byte[Chunk];
        while (true)
        {
            var n = await rest.ReadAsync(buffer, cancel).ConfigureAwait(false);
            (release, stop) = await scanner.PushAsync(buffer.AsMemory(0, n), final: n == 0, cancel).ConfigureAwait(false);
            if (stop is not null) throw new BodyBlockedException(stop);
            await stream.WriteAsync(release, cancel).ConfigureAwait(false);
            if (n == 0) return;
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long len)
    {
        len = length ?? 0;
        return length is not null;
    }
}
