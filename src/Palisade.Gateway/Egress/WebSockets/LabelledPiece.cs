using System.Text.RegularExpressions;

namespace Palisade.Gateway.Egress.WebSockets;

/// <summary>
/// A message that is one numbered piece of something: a short label (<c>part1:</c>, <c>chunk 2/3 -</c>, <c>[3/4]</c>)
/// followed by a single token. Sending a value as numbered pieces is how a secret is split so that no message and no
/// plain join of messages holds it whole (the labels sit between the pieces); joining the pieces' values does.
/// A sentence after the label is not a piece: only one token, without spaces, is.
/// </summary>
public static partial class LabelledPiece
{
    /// <summary>The token after the label, or null when the message is not a labelled piece.</summary>
    public static string? ValueOf(string message)
    {
        if (message.Length > 1024) return null;
        var m = Piece().Match(message);
        return m.Success ? m.Groups["value"].Value : null;
    }

    [GeneratedRegex(@"^\s*(?:\[\s*)?(?:(?:part|chunk|piece|segment|fragment|frag|pt|seg)\s*[#_-]?\s*\d{1,3}|\d{1,3})(?:\s*(?:/|of)\s*\d{1,3})?(?:\s*\])?\s*[:=.)-]?\s*(?<value>[^\s]{4,})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Piece();
}
