using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Palisade.Gateway.Egress.Connect;

/// <summary>
/// A CONNECT request head (RFC 9110 §9.3.6): <c>CONNECT host:port HTTP/1.1</c>, header lines, an empty line.
/// Parsed strictly: authority-form only, a port, ASCII header lines, at most 16 KiB.
/// </summary>
public sealed record ConnectRequest(string Host, int Port, HeaderDictionary Headers)
{
    public const int MaxHead = 16 * 1024;
    private static readonly byte[] Prefix = "CONNECT "u8.ToArray();
    private static readonly byte[] End = "\r\n\r\n"u8.ToArray();

    /// <summary>Whether the bytes so far start (or may start, when fewer than 8) a CONNECT request.</summary>
    public static bool? StartsConnect(ReadOnlySequence<byte> buffer)
    {
        Span<byte> head = stackalloc byte[8];
        var n = (int)Math.Min(buffer.Length, 8);
        buffer.Slice(0, n).CopyTo(head);
        if (!Prefix.AsSpan(0, n).SequenceEqual(head[..n])) return false;
        return n == 8 ? true : null;
    }

    /// <summary>The length of the head including its empty line, or -1 while it is incomplete.</summary>
    public static int HeadLength(ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        return reader.TryReadTo(out ReadOnlySequence<byte> head, End, advancePastDelimiter: true) ? (int)head.Length + End.Length : -1;
    }

    public static ConnectRequest? TryParse(ReadOnlySpan<byte> head, out string error)
    {
        error = "";
        var text = Encoding.ASCII.GetString(head);
        var lines = text.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || parts[0] != "CONNECT" || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            error = "the request line is not 'CONNECT host:port HTTP/1.1'";
            return null;
        }
        var authority = parts[1];
        var colon = authority.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(authority.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = "the CONNECT target must be host:port";
            return null;
        }
        var host = authority[..colon];
        if (host.StartsWith('[') != host.EndsWith(']') || host.Length == 0 || host.Any(c => c <= ' ' || c >= 127 || c is '/' or '@' or '?' or '#'))
        {
            error = "the CONNECT host is not a host name or address";
            return null;
        }
        var headers = new HeaderDictionary();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0) continue;
            var c = line.IndexOf(':');
            if (c <= 0)
            {
                error = "a header line has no name";
                return null;
            }
            headers.Append(line[..c].Trim(), line[(c + 1)..].Trim());
        }
        return new ConnectRequest(host.Trim('[', ']'), port, headers);
    }

    /// <summary>The URL the engine judges for this tunnel: https unless the port is 80.</summary>
    public string Url
    {
        get
        {
            var h = Host.Contains(':') ? $"[{Host}]" : Host;
            return Port switch
            {
                443 => $"https://{h}/",
                80 => $"http://{h}/",
                _ => $"https://{h}:{Port}/",
            };
        }
    }
}
