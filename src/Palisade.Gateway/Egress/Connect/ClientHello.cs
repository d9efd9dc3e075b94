using System.Buffers.Binary;
using System.Text;

namespace Palisade.Gateway.Egress.Connect;

/// <summary>
/// Reads the first bytes of a tunnel and, when they are a TLS ClientHello, the server name (SNI) in it. The bytes read
/// are returned so they can be replayed to whoever takes the tunnel next.
/// </summary>
public static class ClientHello
{
    private const int MaxHello = 64 * 1024;

    public sealed record Peek(byte[] Bytes, bool IsTls, string? ServerName);

    public static async Task<Peek> ReadAsync(Stream stream, CancellationToken cancel)
    {
        var buffer = new byte[MaxHello];
        var length = await stream.ReadAsync(buffer.AsMemory(0, 5), cancel).ConfigureAwait(false);
        if (length == 0) return new Peek([], false, null);
        if (buffer[0] != 0x16) return new Peek(buffer[..length], false, null);
        // Handshake records until the ClientHello is whole; read exactly that much (the client waits for our answer).
        var handshake = new List<byte>();
        var pos = 0;
        var needed = -1;
        while (needed < 0 || handshake.Count < needed)
        {
            if (!await ReadToAsync(pos + 5).ConfigureAwait(false) || buffer[pos] != 0x16 || buffer[pos + 1] != 0x03) return Other();
            var recordLength = BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(pos + 3));
            if (pos + 5 + recordLength > MaxHello || !await ReadToAsync(pos + 5 + recordLength).ConfigureAwait(false)) return Other();
            handshake.AddRange(buffer.AsSpan(pos + 5, recordLength));
            pos += 5 + recordLength;
            if (needed < 0 && handshake.Count >= 4)
            {
                if (handshake[0] != 1) return Other();
                needed = 4 + (handshake[1] << 16 | handshake[2] << 8 | handshake[3]);
            }
        }
        return new Peek(buffer[..length], true, ServerName([.. handshake]));

        Peek Other() => new(buffer[..length], false, null);

        async Task<bool> ReadToAsync(int target)
        {
            while (length < target)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(length, target - length), cancel).ConfigureAwait(false);
                if (n == 0) return false;
                length += n;
            }
            return true;
        }
    }

    /// <summary>The host_name entry of the server_name extension of a ClientHello handshake message, or null.</summary>
    public static string? ServerName(ReadOnlySpan<byte> hs)
    {
        try
        {
            var p = 4 + 2 + 32;                       // handshake header, client version, random
            p += 1 + hs[p];                           // session id
            p += 2 + BinaryPrimitives.ReadUInt16BigEndian(hs[p..]); // cipher suites
            p += 1 + hs[p];                           // compression methods
            if (p + 2 > hs.Length) return null;
            var end = p + 2 + BinaryPrimitives.ReadUInt16BigEndian(hs[p..]);
            p += 2;
            while (p + 4 <= end && end <= hs.Length)
            {
                var type = BinaryPrimitives.ReadUInt16BigEndian(hs[p..]);
                var len = BinaryPrimitives.ReadUInt16BigEndian(hs[(p + 2)..]);
                p += 4;
                if (type == 0)
                {
                    var q = p + 2;                    // server name list length
                    while (q + 3 <= p + len)
                    {
                        var nameType = hs[q];
                        var nameLen = BinaryPrimitives.ReadUInt16BigEndian(hs[(q + 1)..]);
                        if (nameType == 0) return Encoding.ASCII.GetString(hs.Slice(q + 3, nameLen));
                        q += 3 + nameLen;
                    }
                    return null;
                }
                p += len;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
        }
        return null;
    }
}
