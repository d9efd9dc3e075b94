using System.Text;
using Palisade.Core.Model;
using Palisade.Gateway.Enforcement;

namespace Palisade.Gateway.Egress.Forwarding;

/// <summary>
/// Judges a body as it streams, in bounded memory. Each chunk is judged together with the bytes held back from the
/// chunk before, and the last <c>overlap</c> bytes of every window are held back again: a value that straddles two
/// chunks is judged whole before any of it is released (as long as it is shorter than the overlap). Memory is one
/// chunk plus the overlap, whatever the body's length.
/// </summary>
public sealed class StreamWindowScanner(EgressJudge judge, Func<string, AgentAction> actionFor, int overlap, int maxChunk,
    IReadOnlyDictionary<string, string>? extra = null)
{
    /// <summary>
    /// The streamed chunk size. With the overlap its text stays under the large-object threshold (85,000 bytes), so the
    /// window strings of a long transfer are cheap gen-0 garbage instead of filling the large-object heap.
    /// </summary>
    public const int ChunkBytes = 32 * 1024;

    private byte[] _work = new byte[overlap + maxChunk];
    private int _heldStart, _heldLength;

    public long Scanned { get; private set; }

    /// <summary>Adds a chunk; returns the bytes that are now safe to forward, or the judgement that stops the stream.</summary>
    public async ValueTask<(ReadOnlyMemory<byte> Release, Judgement? Stop)> PushAsync(ReadOnlyMemory<byte> chunk, bool final, CancellationToken cancel)
    {
        if (_heldStart > 0)
        {
            Array.Copy(_work, _heldStart, _work, 0, _heldLength);
            _heldStart = 0;
        }
        if (_heldLength + chunk.Length > _work.Length) Array.Resize(ref _work, _heldLength + chunk.Length);
        chunk.CopyTo(_work.AsMemory(_heldLength));
        var total = _heldLength + chunk.Length;
        Scanned += chunk.Length;
        if (chunk.Length > 0 || (final && total > 0))
        {
            var text = Encoding.UTF8.GetString(_work, 0, total);
            if (await judge.JudgeQuietAsync(actionFor(text), extra, cancel).ConfigureAwait(false) is { } j && EgressJudge.Stops(j))
                return (ReadOnlyMemory<byte>.Empty, j);
        }
        var release = final ? total : Math.Max(0, total - overlap);
        _heldStart = release;
        _heldLength = total - release;
        return (_work.AsMemory(0, release), null);
    }
}
