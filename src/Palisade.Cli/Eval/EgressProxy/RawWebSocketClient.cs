using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Palisade.Cli.Eval.EgressProxy;

/// <summary>
/// A WebSocket client that writes frames exactly as a case describes them (fragments, continuation frames, RSV1 set,
/// binary), which <c>ClientWebSocket</c> cannot: the bench's WebSocket cases are about those frame-level evasions.
/// </summary>
public static class RawWebSocketClient
{
    public sealed record Frame(int Opcode, bool Fin, bool Rsv1, byte[] Payload);

    public enum Outcome { Delivered, Refused, Closed }

    /// <summary>Opens <c>/ws?url=</c> on the proxy, sends the frames, and reports whether every message came back echoed.</summary>
    public static async Task<(Outcome Outcome, string Detail)> RunAsync(Uri proxy, string target, IReadOnlyList<Frame> frames, CancellationToken cancel)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, proxy.Port, cancel);
        var stream = tcp.GetStream();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var request = $"GET /ws?url={Uri.EscapeDataString(target)} HTTP/1.1\r\nHost: {proxy.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                      $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancel);
        var head = await ReadHeadAsync(stream, cancel);
        if (!head.StartsWith("HTTP/1.1 101", StringComparison.Ordinal)) return (Outcome.Refused, head.Split("\r\n")[0]);

        foreach (var f in frames) await WriteFrameAsync(stream, f, cancel);
        var expected = frames.Count(f => f.Fin && f.Opcode != 8);
        var echoed = 0;
        while (echoed < expected)
        {
            var (opcode, fin, payload) = await ReadFrameAsync(stream, cancel);
            if (opcode < 0) return (Outcome.Closed, "connection closed");
            if (opcode == 8)
            {
                var code = payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(payload) : 0;
                return (Outcome.Closed, $"close {code} {Encoding.UTF8.GetString(payload.AsSpan(Math.Min(2, payload.Length)))}");
            }
            if (fin && opcode is 0 or 1 or 2) echoed++;
        }
        await WriteFrameAsync(stream, new Frame(8, true, false, [0x03, 0xE8]), cancel);
        return (Outcome.Delivered, $"{echoed} echoed");
    }

    private static async Task<string> ReadHeadAsync(Stream s, CancellationToken cancel)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 16 * 1024)
        {
            if (await s.ReadAsync(one, cancel) == 0) break;
            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n') break;
        }
        return Encoding.ASCII.GetString(bytes.ToArray());
    }

    private static async Task WriteFrameAsync(Stream s, Frame f, CancellationToken cancel)
    {
        var header = new List<byte> { (byte)((f.Fin ? 0x80 : 0) | (f.Rsv1 ? 0x40 : 0) | f.Opcode) };
        if (f.Payload.Length < 126) header.Add((byte)(0x80 | f.Payload.Length));
        else
        {
            header.Add(0x80 | 126);
            header.Add((byte)(f.Payload.Length >> 8));
            header.Add((byte)f.Payload.Length);
        }
        var mask = RandomNumberGenerator.GetBytes(4);
        header.AddRange(mask);
        var masked = new byte[f.Payload.Length];
        for (var i = 0; i < masked.Length; i++) masked[i] = (byte)(f.Payload[i] ^ mask[i % 4]);
        await s.WriteAsync(header.ToArray(), cancel);
        await s.WriteAsync(masked, cancel);
        await s.FlushAsync(cancel);
    }

    private static async Task<(int Opcode, bool Fin, byte[] Payload)> ReadFrameAsync(Stream s, CancellationToken cancel)
    {
        var two = new byte[2];
        if (!await FillAsync(s, two, cancel)) return (-1, false, []);
        long length = two[1] & 0x7F;
        if (length == 126)
        {
            var ext = new byte[2];
            if (!await FillAsync(s, ext, cancel)) return (-1, false, []);
            length = BinaryPrimitives.ReadUInt16BigEndian(ext);
        }
        else if (length == 127)
        {
            var ext = new byte[8];
            if (!await FillAsync(s, ext, cancel)) return (-1, false, []);
            length = (long)BinaryPrimitives.ReadUInt64BigEndian(ext);
        }
        if (length > 16 * 1024 * 1024) return (-1, false, []);
        var payload = new byte[length];
        if (!await FillAsync(s, payload, cancel)) return (-1, false, []);
        return (two[0] & 0x0F, (two[0] & 0x80) != 0, payload);
    }

    private static async Task<bool> FillAsync(Stream s, byte[] buffer, CancellationToken cancel)
    {
        try
        {
            await s.ReadExactlyAsync(buffer, cancel);
            return true;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            return false;
        }
    }
}
