using System.Buffers;
using System.Text.Json;

namespace Palisade.Core.Audit;

/// <summary>
/// The one string escaping of the audit format, chosen once: printable ASCII (0x20-0x7E) is written as is,
/// except <c>"</c> and <c>\</c> which become <c>\"</c> and <c>\\</c>; every other UTF-16 code unit becomes
/// <c>\uXXXX</c> with uppercase hex. Records are therefore pure printable ASCII: terminal escapes and bidi
/// overrides from caught content never reach a reader's screen raw, and the bytes never depend on a Unicode
/// table that a later .NET could change. A lone surrogate is written as <c>\uFFFD</c>, so every record
/// round-trips through a JSON parser byte for byte.
/// </summary>
internal static class AuditJsonString
{
    /// <summary>The most bytes one UTF-16 code unit can become (<c>\uXXXX</c>).</summary>
    private const int MaxBytesPerChar = 6;

    public static void Write(Utf8JsonWriter w, string name, string value)
    {
        w.WritePropertyName(name);
        var max = value.Length * MaxBytesPerChar + 2;
        byte[]? rented = null;
        var buffer = max <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(max));
        var length = Escape(value, buffer);
        w.WriteRawValue(buffer[..length], skipInputValidation: true);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
    }

    /// <summary>Writes <paramref name="value"/> as a quoted JSON string into <paramref name="into"/>; returns the byte count.</summary>
    internal static int Escape(string value, Span<byte> into)
    {
        var n = 0;
        into[n++] = (byte)'"';
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '"' or '\\')
            {
                into[n++] = (byte)'\\';
                into[n++] = (byte)c;
            }
            else if (c is >= ' ' and <= '~') into[n++] = (byte)c;
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                n += Escaped(c, into[n..]);
                n += Escaped(value[++i], into[n..]);
            }
            else n += Escaped(char.IsSurrogate(c) ? '\uFFFD' : c, into[n..]);
        }
        into[n++] = (byte)'"';
        return n;
    }

    private static int Escaped(char c, Span<byte> into)
    {
        into[0] = (byte)'\\';
        into[1] = (byte)'u';
        ((int)c).TryFormat(into[2..], out _, "X4");
        return MaxBytesPerChar;
    }
}
