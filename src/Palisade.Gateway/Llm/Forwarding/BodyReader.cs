using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Palisade.Gateway.Llm.Forwarding;

/// <summary>Reads a request body whole, up to a cap, decoding a compressed body so it can be scanned.</summary>
public static class BodyReader
{
    public enum Status { Ok, TooLarge, UnknownEncoding }

    public static async Task<(Status Status, byte[] Body)> ReadAsync(HttpRequest request, long cap, CancellationToken cancel)
    {
        if (request.ContentLength > cap) return (Status.TooLarge, []);
        var encoding = request.Headers.ContentEncoding.ToString();
        Stream source = request.Body;
        if (encoding.Length > 0)
        {
            var decoded = ContentCoding.Decode(source, encoding);
            if (decoded is null) return (Status.UnknownEncoding, []);
            source = decoded;
        }
        await using (source.ConfigureAwait(false))
        {
            var body = await ReadCappedAsync(source, cap, cancel).ConfigureAwait(false);
            return body is null ? (Status.TooLarge, []) : (Status.Ok, body);
        }
    }

    /// <summary>The whole stream, or null once it passes <paramref name="cap"/> bytes (the rest is not read).</summary>
    public static async Task<byte[]?> ReadCappedAsync(Stream source, long cap, CancellationToken cancel)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var memory = new MemoryStream();
            while (true)
            {
                var n = await source.ReadAsync(buffer, cancel).ConfigureAwait(false);
                if (n == 0) return memory.ToArray();
                if (memory.Length + n > cap) return null;
                memory.Write(buffer, 0, n);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
