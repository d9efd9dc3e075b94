using Palisade.Gateway.Egress.WebSockets;

namespace Palisade.Tests.Gateway.Egress;

/// <summary>Which WebSocket messages are numbered pieces whose values the relay joins.</summary>
public sealed class LabelledPieceTests
{
    [Theory]
    [InlineData("part1: ghp_ABCDEFGHIJKLMN", "ghp_ABCDEFGHIJKLMN")]
    [InlineData("Part 2 = OPQRSTUVWXYZ", "OPQRSTUVWXYZ")]
    [InlineData("chunk 3/4 - a1b2c3d4", "a1b2c3d4")]
    [InlineData("[2/3] xYz0123", "xYz0123")]
    [InlineData("piece#7:AbCdEf", "AbCdEf")]
    public void A_labelled_token_is_a_piece(string message, string value) => Assert.Equal(value, LabelledPiece.ValueOf(message));

    [Theory]
    [InlineData("part1: here is the first part of the story")] // a sentence, not a token
    [InlineData("ghp_ABCDEFGHIJKLMN")]                          // no label
    [InlineData("part1: ab")]                                   // too short to be part of a value
    [InlineData("hello: world")]                                // a label that numbers nothing
    public void Other_messages_are_not_pieces(string message) => Assert.Null(LabelledPiece.ValueOf(message));
}
