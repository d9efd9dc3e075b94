using System.Net.Sockets;
using System.Security.Cryptography;
using Palisade.Core.Config;

namespace Palisade.Cli.Hooks.Helper;

/// <summary>The hook's side: ask a running helper, and say "no answer" (judge in process) on anything unexpected.</summary>
public static class HookHelperClient
{
    /// <summary>How long to wait for a helper; past it the hook judges in its own process (never lets the call through).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Whether a helper may be running: its socket and key exist. Costs two stat calls.</summary>
    public static bool MayBeRunning(PalisadeHome home) =>
        !OperatingSystem.IsWindows() && File.Exists(HelperWire.SocketPath(home)) && File.Exists(Path.Combine(home.KeysDirectory, "hook-helper.key"));

    /// <summary>The helper's verified answer, or null when there is none to trust.</summary>
    public static HookAnswer? TryJudge(PalisadeHome home, string agent, string input)
    {
        try
        {
            var key = File.ReadAllBytes(Path.Combine(home.KeysDirectory, "hook-helper.key"));
            var nonce = RandomNumberGenerator.GetBytes(HelperWire.NonceBytes);
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(HelperWire.SocketPath(home)));
            using var stream = new NetworkStream(socket, ownsSocket: false);
            using var timeout = new CancellationTokenSource(Timeout);
            HelperWire.WriteRequestAsync(stream, agent, nonce, input, timeout.Token).GetAwaiter().GetResult();
            return HelperWire.ReadAnswerAsync(stream, key, nonce, timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or SocketException or UnauthorizedAccessException or OperationCanceledException or InvalidDataException or EndOfStreamException)
        {
            return null;
        }
    }
}
