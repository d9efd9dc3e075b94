using Palisade.Gateway.Egress.Forwarding;
using System.Text;
using Palisade.Core.Model;
using Palisade.Gateway.Enforcement;

namespace Palisade.Gateway.Egress.WebSockets;

/// <summary>
/// Judges one direction of a WebSocket: each whole message (fragments reassembled by the relay) together with the tail
/// of the messages before it, so a value sent over several messages is seen whole when its last piece arrives.
/// Outbound messages are judged for secrets, inbound ones for injection. Consecutive labelled pieces
/// (<c>part1: …</c>, <c>part2: …</c>; <see cref="LabelledPiece"/>) are also judged as their values joined, since the
/// labels between them break the plain join.
/// </summary>
public sealed class MessageScanner(EgressJudge judge, Direction direction, ClientInfo client, string url, int tailChars = 512)
{
    private string _tail = "";
    private string _pieces = "";

    public async ValueTask<Judgement?> JudgeAsync(ReadOnlyMemory<byte> message, bool binary, CancellationToken cancel)
    {
        var text = Encoding.UTF8.GetString(message.Span);
        var joined = _tail + text;
        // Binary messages are judged as their text: a key sent as bytes is still its characters.
        var fields = new List<ContentField> { new(binary ? "ws.binary" : "ws.text", joined) };
        var piece = LabelledPiece.ValueOf(text);
        var pieces = piece is null ? "" : _pieces + piece;
        if (piece is not null && _pieces.Length > 0) fields.Add(new ContentField("ws.pieces", pieces));
        var action = ProxyActions.Message(fields, direction, client) with { Url = null };
        var extra = new Dictionary<string, string> { ["websocket"] = judge.SafeHost(new Uri(url).IdnHost), ["direction"] = direction == Direction.Egress ? "client_to_server" : "server_to_client" };
        var judgement = await judge.JudgeQuietAsync(action, extra, cancel).ConfigureAwait(false);
        _tail = joined.Length <= tailChars ? joined : joined[^tailChars..];
        _pieces = pieces.Length <= tailChars ? pieces : pieces[^tailChars..];
        return judgement is not null && EgressJudge.Stops(judgement) ? judgement : null;
    }
}
