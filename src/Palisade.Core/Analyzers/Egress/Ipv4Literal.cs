using System.Net;

namespace Palisade.Core.Analyzers.Egress;

/// <summary>How an IPv4 host was written, when it was not plain dotted decimal.</summary>
[Flags]
public enum Ipv4Notation
{
    Canonical = 0,

    /// <summary>One number for the whole address: <c>2130706433</c>, <c>0x7f000001</c>.</summary>
    Integer = 1,

    /// <summary>Two or three parts: <c>127.1</c>, <c>10.0.1</c>.</summary>
    Short = 2,
    Octal = 4,
    Hex = 8,
}

/// <summary>
/// IPv4 hosts the way browsers (WHATWG URL) and <c>inet_aton</c> read them: one to four parts, each decimal, octal
/// (leading 0) or hex (0x); the last part fills the remaining bytes. Also the reading of sloppier parsers that wrap
/// oversized parts instead of failing (<c>425.510.425.510</c> → 169.254.169.254), so those can be judged too.
/// </summary>
public static class Ipv4Literal
{
    /// <summary>
    /// True when <paramref name="host"/> must be read as an IPv4 address (its last label is a number), as WHATWG decides
    /// it; such a host that is not a valid address is a parse failure, never a DNS name.
    /// </summary>
    public static bool EndsInNumber(string host)
    {
        var parts = host.Split('.');
        var last = parts[^1];
        if (last.Length == 0)
        {
            if (parts.Length == 1) return false;
            last = parts[^2];
        }
        if (last.Length > 0 && last.All(char.IsAsciiDigit)) return true;
        return TryParsePart(last, out _, out _, out _);
    }

    /// <summary>Strict parse: the address every WHATWG-conformant client would connect to, or false.</summary>
    public static bool TryParse(string host, out IPAddress address, out Ipv4Notation notation) =>
        TryParse(host, wrap: false, out address, out notation, out _);

    /// <summary>
    /// Parse that wraps oversized parts modulo their width, as some older parsers do. <paramref name="overflowed"/>
    /// says whether wrapping was needed (a strict parser rejects such a host).
    /// </summary>
    public static bool TryParseWrapping(string host, out IPAddress address, out bool overflowed) =>
        TryParse(host, wrap: true, out address, out _, out overflowed);

    private static bool TryParse(string host, bool wrap, out IPAddress address, out Ipv4Notation notation, out bool overflowed)
    {
        address = IPAddress.None;
        notation = Ipv4Notation.Canonical;
        overflowed = false;
        var parts = host.Split('.');
        if (parts[^1].Length == 0 && parts.Length > 1) parts = parts[..^1];
        if (parts.Length is 0 or > 4) return false;
        if (parts.Length == 1) notation |= Ipv4Notation.Integer;
        else if (parts.Length < 4) notation |= Ipv4Notation.Short;

        Span<ulong> numbers = stackalloc ulong[4];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryParsePart(parts[i], out numbers[i], out var radix, out var big)) return false;
            if (radix == 8) notation |= Ipv4Notation.Octal;
            if (radix == 16) notation |= Ipv4Notation.Hex;
            if (big) overflowed = true;
        }
        for (var i = 0; i < parts.Length - 1; i++)
            if (numbers[i] > 255) overflowed = true;
        var lastWidth = 8 * (5 - parts.Length);
        var lastLimit = lastWidth >= 32 ? 1UL << 32 : 1UL << lastWidth;
        if (numbers[parts.Length - 1] >= lastLimit) overflowed = true;
        if (overflowed && !wrap) return false;

        ulong value = numbers[parts.Length - 1] % lastLimit;
        for (var i = 0; i < parts.Length - 1; i++) value += (numbers[i] & 0xFF) << (8 * (3 - i));
        var bytes = new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value };
        address = new IPAddress(bytes);
        return true;
    }

    /// <summary>
    /// One part: <c>0x</c> hex (digits may be empty), leading-zero octal, or decimal. The value is kept modulo 2^32;
    /// <paramref name="big"/> says it was at least 2^32 before that.
    /// </summary>
    private static bool TryParsePart(string part, out ulong value, out int radix, out bool big)
    {
        value = 0;
        big = false;
        radix = 10;
        if (part.Length == 0) return false;
        var digits = part.AsSpan();
        if (digits.Length >= 2 && digits[0] == '0' && (digits[1] is 'x' or 'X'))
        {
            radix = 16;
            digits = digits[2..];
        }
        else if (digits.Length >= 2 && digits[0] == '0')
        {
            radix = 8;
            digits = digits[1..];
        }
        ulong exact = 0;
        foreach (var c in digits)
        {
            var d = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (d >= radix) return false;
            if (!big)
            {
                exact = exact * (ulong)radix + (ulong)d;
                if (exact >= 1UL << 32) big = true;
            }
            value = (value * (ulong)radix + (ulong)d) & 0xFFFF_FFFF;
        }
        if (!big) value = exact;
        return true;
    }
}
