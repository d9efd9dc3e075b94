using System.Net.Sockets;
using Palisade.Core.Config;
using Palisade.Core.Engine;

namespace Palisade.Cli.Hooks.Helper;

/// <summary>
/// <c>palisade hook serve</c>: keeps one engine warm and answers hook calls over a Unix socket under
/// <c>$PALISADE_HOME/run</c> (0700), so each hook process skips building the engine. It is only an accelerator:
/// a hook that cannot reach it, or gets an answer it cannot verify, judges in its own process as before.
/// </summary>
public sealed class HookHelperServer : IDisposable
{
    private readonly Socket _listener;
    private readonly byte[] _key;
    private readonly Func<string, string, HookAnswer> _judge;
    private readonly SemaphoreSlim _one = new(1, 1);

    public string SocketPath { get; }

    private HookHelperServer(Socket listener, string socketPath, byte[] key, Func<string, string, HookAnswer> judge) =>
        (_listener, SocketPath, _key, _judge) = (listener, socketPath, key, judge);

    /// <summary>Binds the socket (replacing a stale one; refusing if a helper already answers there).</summary>
    /// <param name="judge">Runs one hook call for an agent name ("claude-code", "cursor") and input.</param>
    public static HookHelperServer Start(PalisadeHome home, Func<string, string, HookAnswer> judge)
    {
        var path = HelperWire.SocketPath(home);
        PalisadeHome.EnsurePrivateDirectory(home.Root);
        PalisadeHome.EnsurePrivateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                probe.Connect(new UnixDomainSocketEndPoint(path));
                throw new InvalidOperationException($"a hook helper is already running at {path}; stop it first.");
            }
            catch (SocketException)
            {
                File.Delete(path); // left behind by a helper that did not stop cleanly
            }
        }
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(64);
        var key = HelperWire.Key(home);
        return new HookHelperServer(listener, path, key, judge);
    }

    /// <summary>Answers connections until <paramref name="cancel"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(cancel);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                break; // stopped, or the listener was closed under us
            }
            _ = Task.Run(() => ServeAsync(client, cancel), cancel);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken stopping)
    {
        using var stream = new NetworkStream(client, ownsSocket: true);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(HookRunner.DefaultDeadline);
        try
        {
            var (agent, nonce, input) = await HelperWire.ReadRequestAsync(stream, timeout.Token);
            HookAnswer answer;
            // One judgement at a time: they take a millisecond or two warm, and the audit log takes one writer anyway.
            await _one.WaitAsync(timeout.Token);
            try
            {
                answer = _judge(agent, input);
            }
            finally
            {
                _one.Release();
            }
            await HelperWire.WriteAnswerAsync(stream, _key, nonce, answer, timeout.Token);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or OperationCanceledException or SocketException or EndOfStreamException)
        {
            // The client gave up or spoke nonsense: it judges in its own process.
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        try { File.Delete(SocketPath); } catch (IOException) { }
        _one.Dispose();
    }
}
