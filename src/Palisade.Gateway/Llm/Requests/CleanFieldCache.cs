using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Palisade.Gateway.Llm.Requests;

/// <summary>
/// Texts the engine already read and found nothing in. Agents resend the whole conversation every turn; the engine's
/// content scanners read each field on its own, so a field whose exact text (and role) was clean before is clean again
/// under the same engine, and only new fields need reading. Keyed by SHA-256, so a crafted text cannot collide with a
/// clean one. Bounded: past <see cref="MaxEntries"/> it starts over.
/// </summary>
public sealed class CleanFieldCache
{
    public const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<(FieldRole, UInt128, UInt128), byte> _clean = new();
    private int _added; // ConcurrentDictionary.Count takes every lock: the request path counts its own adds instead

    public bool IsClean(RequestField field) => _clean.ContainsKey(Key(field));

    public void MarkClean(RequestField field)
    {
        if (!_clean.TryAdd(Key(field), 0)) return;
        if (Interlocked.Increment(ref _added) < MaxEntries) return;
        _clean.Clear();
        Interlocked.Exchange(ref _added, 0);
    }

    private static (FieldRole, UInt128, UInt128) Key(RequestField field)
    {
        Span<byte> hash = stackalloc byte[32];
        var bytes = Encoding.UTF8.GetByteCount(field.Text);
        if (bytes <= 16 * 1024)
        {
            Span<byte> utf8 = stackalloc byte[bytes];
            Encoding.UTF8.GetBytes(field.Text, utf8);
            SHA256.HashData(utf8, hash);
        }
        else SHA256.HashData(Encoding.UTF8.GetBytes(field.Text), hash);
        return (field.Role, BitConverter.ToUInt128(hash), BitConverter.ToUInt128(hash[16..]));
    }
}
