using System.Net;

namespace Palisade.Core.Analyzers.Egress;

/// <summary>
/// The inside of a bracketed URL host (<c>[::1]</c>, <c>[::ffff:127.0.0.1]</c>, <c>[fe80::1%25eth0]</c>), parsed by
/// the WHATWG IPv6 rules rather than the platform's: the result does not depend on the OS or runtime version.
/// A zone id (<c>%25eth0</c> or <c>%eth0</c>) is split off: it picks an interface, not an address.
/// </summary>
public static class Ipv6Literal
{
    public static bool TryParse(string text, out IPAddress address, out string? zone)
    {
        address = IPAddress.IPv6None;
        zone = null;
        var percent = text.IndexOf('%');
        if (percent >= 0)
        {
            var z = text[(percent + 1)..];
            if (z.StartsWith("25", StringComparison.Ordinal)) z = z[2..];
            if (z.Length == 0) return false;
            zone = z;
            text = text[..percent];
        }
        Span<ushort> pieces = stackalloc ushort[8];
        if (!TryParsePieces(text, pieces)) return false;
        var bytes = new byte[16];
        for (var i = 0; i < 8; i++)
        {
            bytes[2 * i] = (byte)(pieces[i] >> 8);
            bytes[2 * i + 1] = (byte)pieces[i];
        }
        address = new IPAddress(bytes);
        return true;
    }

    private static bool TryParsePieces(ReadOnlySpan<char> input, Span<ushort> address)
    {
        var pieceIndex = 0;
        int? compress = null;
        var p = 0;
        if (input.Length > 0 && input[0] == ':')
        {
            if (input.Length < 2 || input[1] != ':') return false;
            p += 2;
            compress = ++pieceIndex;
        }
        while (p < input.Length)
        {
            if (pieceIndex == 8) return false;
            if (input[p] == ':')
            {
                if (compress is not null) return false;
                p++;
                compress = ++pieceIndex;
                continue;
            }
            int value = 0, length = 0;
            while (length < 4 && p < input.Length && char.IsAsciiHexDigit(input[p]))
            {
                value = value * 16 + HexValue(input[p]);
                p++;
                length++;
            }
            if (p < input.Length && input[p] == '.')
            {
                if (length == 0) return false;
                p -= length;
                if (pieceIndex > 6) return false;
                if (!TryParseDottedTail(input[p..], address, ref pieceIndex)) return false;
                p = input.Length;
                break;
            }
            if (p < input.Length && input[p] == ':')
            {
                p++;
                if (p >= input.Length) return false;
            }
            else if (p < input.Length) return false;
            address[pieceIndex++] = (ushort)value;
        }
        if (compress is { } c)
        {
            var swaps = pieceIndex - c;
            pieceIndex = 7;
            while (pieceIndex != 0 && swaps > 0)
            {
                (address[pieceIndex], address[c + swaps - 1]) = (address[c + swaps - 1], address[pieceIndex]);
                pieceIndex--;
                swaps--;
            }
        }
        else if (pieceIndex != 8) return false;
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>The <c>a.b.c.d</c> in the last 32 bits: exactly four decimal parts, no leading zeros.</summary>
    private static bool TryParseDottedTail(ReadOnlySpan<char> input, Span<ushort> address, ref int pieceIndex)
    {
        var seen = 0;
        var p = 0;
        while (p < input.Length)
        {
            int? piece = null;
            if (seen > 0)
            {
                if (input[p] != '.' || seen >= 4) return false;
                p++;
            }
            if (p >= input.Length || !char.IsAsciiDigit(input[p])) return false;
            while (p < input.Length && char.IsAsciiDigit(input[p]))
            {
                var n = input[p] - '0';
                if (piece is null) piece = n;
                else if (piece == 0) return false;
                else piece = piece * 10 + n;
                if (piece > 255) return false;
                p++;
            }
            address[pieceIndex] = (ushort)(address[pieceIndex] * 0x100 + piece!.Value);
            seen++;
            if (seen is 2 or 4) pieceIndex++;
        }
        return seen == 4;
    }
}
