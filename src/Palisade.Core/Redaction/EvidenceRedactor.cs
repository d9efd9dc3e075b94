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
    private readonly byte[] _key;

    public EvidenceRedactor(byte[] key)
    {
        if (key.Length < 16) throw new ArgumentException("the evidence key must be at least 16 bytes.", nameof(key));
        _key = key;
    }

    /// <summary>A redactor with a random key: hashes correlate within this process only.</summary>
    public static EvidenceRedactor Ephemeral() => new(RandomNumberGenerator.GetBytes(32));

    /// <summary>For a credential or PII value: at most a few leading characters, the length, and a keyed hash.</summary>
    public string Mask(ReadOnlySpan<char> value)
    {
        var show = Math.Min(4, value.Length / 6);
        return $"{value[..show]}…[{value.Length} chars, h:{Hash(value)}]";
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
                sb.Append(Mask(value.Slice(i, run)));
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

    /// <summary>First 12 hex digits of HMAC-SHA256 over the value's UTF-8 bytes.</summary>
    public string Hash(ReadOnlySpan<char> value)
    {
        Span<byte> mac = stackalloc byte[32];
        var bytes = Encoding.UTF8.GetBytes(value.ToArray());
        HMACSHA256.HashData(_key, bytes, mac);
        return Convert.ToHexStringLower(mac[..6]);
    }
}
