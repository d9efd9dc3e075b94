using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Palisade.Core.Redaction;

/// <summary>
/// Turns a caught value into evidence that is safe to write anywhere: a short masked preview, the length,
/// and a keyed hash that lets records be correlated without letting anyone brute-force short values
/// (an SSN's plain hash would be). The key stays on this machine.
/// </summary>
public sealed class EvidenceRedactor
{
    /// <summary>Hex digits of the keyed hash shown in evidence.</summary>
    private const int HashBytes = 6;

    /// <summary>Values up to this many UTF-8 bytes are hashed from the stack; longer ones from a pooled buffer.</summary>
    private const int StackBytes = 512;

    private readonly byte[] _key;

    // One keyed HMAC per thread: an instance keeps the key schedule between calls (the one-shot API redoes it every
    // time, which was most of the cost of a finding's evidence), and instances are not thread-safe.
    private readonly ThreadLocal<HMACSHA256> _mac;

    public EvidenceRedactor(byte[] key)
    {
        if (key.Length < 16) throw new ArgumentException("the evidence key must be at least 16 bytes.", nameof(key));
        _key = key;
        _mac = new ThreadLocal<HMACSHA256>(() => new HMACSHA256(_key));
    }

    /// <summary>A redactor with a random key: hashes correlate within this process only.</summary>
    public static EvidenceRedactor Ephemeral() => new(RandomNumberGenerator.GetBytes(32));

    /// <summary>For a credential or PII value: at most a few leading characters, the length, and a keyed hash.</summary>
    public string Mask(ReadOnlySpan<char> value)
    {
        var sb = new StringBuilder(48);
        AppendMask(sb, value);
        return sb.ToString();
    }

    /// <summary>For a matched phrase (an injection): the phrase, shortened, with anything secret-shaped masked.</summary>
    public string Excerpt(ReadOnlySpan<char> value, int max = 80)
    {
        var sb = new StringBuilder(Math.Min(value.Length, max) + 16);
        var i = 0;
        while (i < value.Length && sb.Length < max)
        {
            var run = 0;
            while (i + run < value.Length && IsTokenChar(value[i + run])) run++;
            if (run >= 16)
            {
                AppendMask(sb, value.Slice(i, run));
                i += run;
            }
            else if (run > 0)
            {
                sb.Append(value.Slice(i, run));
                i += run;
            }
            else
            {
                var c = value[i++];
                sb.Append(char.IsControl(c) ? ' ' : c);
            }
        }
        if (i < value.Length) sb.Append('…');
        return sb.ToString();
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '_' or '-' or '.' or '~' or '%';

    /// <summary><c>abcd…[24 chars, h:0123456789ab]</c></summary>
    private void AppendMask(StringBuilder sb, ReadOnlySpan<char> value)
    {
        var show = Math.Min(4, value.Length / 6);
        Span<char> hex = stackalloc char[HashBytes * 2];
        WriteHash(value, hex);
        sb.Append(value[..show]).Append("…[").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" chars, h:").Append(hex).Append(']');
    }

    /// <summary>First 12 hex digits of HMAC-SHA256 over the value's UTF-8 bytes.</summary>
    public string Hash(ReadOnlySpan<char> value)
    {
        Span<char> hex = stackalloc char[HashBytes * 2];
        WriteHash(value, hex);
        return hex.ToString();
    }

    private void WriteHash(ReadOnlySpan<char> value, Span<char> hex)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var buffer = most <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(most));
        try
        {
            var length = Encoding.UTF8.GetBytes(value, buffer);
            _mac.Value!.TryComputeHash(buffer[..length], mac, out _);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
        Convert.TryToHexStringLower(mac[..HashBytes], hex, out _);
    }
}
