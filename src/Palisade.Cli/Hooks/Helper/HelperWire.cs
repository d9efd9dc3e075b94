using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Palisade.Core.Config;

namespace Palisade.Cli.Hooks.Helper;

/// <summary>
/// The hook helper's wire format over a Unix socket. Request: magic, agent, a 32-byte nonce, the hook input.
/// Answer: exit code, stdout, stderr, and an HMAC over nonce and answer with a key only Palisade's own files hold,
/// so a process that took the socket's place cannot forge an answer (the client then judges in process).
/// </summary>
public static class HelperWire
{
    public const string Magic = "PALISADE-HOOK/1";
    public const int NonceBytes = 32;
    public const int MaxStringBytes = HookRunner.MaxInputChars * 3; // UTF-8 of the largest input the runner accepts

    public static string SocketPath(PalisadeHome home) => Path.Combine(home.Root, "run", "hook.sock");

    public static byte[] Key(PalisadeHome home) =>
        PalisadeHome.ReadOrCreateSecretFile(Path.Combine(home.KeysDirectory, "hook-helper.key"), () => RandomNumberGenerator.GetBytes(32));

    public static async Task WriteRequestAsync(Stream s, string agent, byte[] nonce, string input, CancellationToken cancel)
    {
        await WriteStringAsync(s, Magic, cancel);
        await WriteStringAsync(s, agent, cancel);
        await s.WriteAsync(nonce, cancel);
        await WriteStringAsync(s, input, cancel);
        await s.FlushAsync(cancel);
    }

    public static async Task<(string Agent, byte[] Nonce, string Input)> ReadRequestAsync(Stream s, CancellationToken cancel)
    {
        if (await ReadStringAsync(s, 64, cancel) != Magic) throw new InvalidDataException("not a Palisade hook request");
        var agent = await ReadStringAsync(s, 64, cancel) ?? throw new InvalidDataException("no agent");
        var nonce = new byte[NonceBytes];
        await s.ReadExactlyAsync(nonce, cancel);
        var input = await ReadStringAsync(s, MaxStringBytes, cancel) ?? throw new InvalidDataException("no input");
        return (agent, nonce, input);
    }

    public static async Task WriteAnswerAsync(Stream s, byte[] key, byte[] nonce, HookAnswer answer, CancellationToken cancel)
    {
        await s.WriteAsync(Mac(key, nonce, answer), cancel);
        var code = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(code, answer.ExitCode);
        await s.WriteAsync(code, cancel);
        await WriteStringAsync(s, answer.Stdout, cancel);
        await WriteStringAsync(s, answer.Stderr, cancel);
        await s.FlushAsync(cancel);
    }

    /// <summary>The answer, or null when its MAC does not prove it came from a helper holding the key.</summary>
    public static async Task<HookAnswer?> ReadAnswerAsync(Stream s, byte[] key, byte[] nonce, CancellationToken cancel)
    {
        var mac = new byte[HMACSHA256.HashSizeInBytes];
        await s.ReadExactlyAsync(mac, cancel);
        var code = new byte[4];
        await s.ReadExactlyAsync(code, cancel);
        var answer = new HookAnswer(BinaryPrimitives.ReadInt32BigEndian(code), await ReadStringAsync(s, MaxStringBytes, cancel), await ReadStringAsync(s, MaxStringBytes, cancel));
        return CryptographicOperations.FixedTimeEquals(mac, Mac(key, nonce, answer)) ? answer : null;
    }

    private static byte[] Mac(byte[] key, byte[] nonce, HookAnswer answer)
    {
        using var ms = new MemoryStream();
        ms.Write(nonce);
        Span<byte> int32 = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(int32, answer.ExitCode);
        ms.Write(int32);
        foreach (var part in new[] { answer.Stdout, answer.Stderr })
        {
            var bytes = part is null ? [] : Encoding.UTF8.GetBytes(part);
            BinaryPrimitives.WriteInt32BigEndian(int32, part is null ? -1 : bytes.Length);
            ms.Write(int32);
            ms.Write(bytes);
        }
        return HMACSHA256.HashData(key, ms.ToArray());
    }

    private static async Task WriteStringAsync(Stream s, string? value, CancellationToken cancel)
    {
        var bytes = value is null ? [] : Encoding.UTF8.GetBytes(value);
        var len = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, value is null ? -1 : bytes.Length);
        await s.WriteAsync(len, cancel);
        await s.WriteAsync(bytes, cancel);
    }

    private static async Task<string?> ReadStringAsync(Stream s, int max, CancellationToken cancel)
    {
        var lenBytes = new byte[4];
        await s.ReadExactlyAsync(lenBytes, cancel);
        var len = BinaryPrimitives.ReadInt32BigEndian(lenBytes);
        if (len == -1) return null;
        if (len < 0 || len > max) throw new InvalidDataException($"a field of {len} bytes is out of bounds");
        var bytes = new byte[len];
        await s.ReadExactlyAsync(bytes, cancel);
        return Encoding.UTF8.GetString(bytes);
    }
}
