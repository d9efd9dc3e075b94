using Palisade.Core.Engine;
using Palisade.Core.Model;

namespace Palisade.Tests.Acceptance;

/// <summary>An IBAN or card number is reported as itself, not also as the phone number its digit groups resemble.</summary>
public sealed class PiiOverlapTests
{
    private static readonly PalisadeEngine Engine = PalisadeEngine.CreateDefault();

    private static List<string> Rules(string text) =>
        Engine.Evaluate(AgentAction.FromText(ActionKind.Message, text)).Findings.Select(f => f.RuleId).ToList();

    [Theory]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00")]
    [InlineData("IBAN MT84 MALT 0110 0001 2345 MTLC AST0 01S")]
    [InlineData("iban de89 3704 0044 0532 0130 00")]
    public void An_iban_is_one_finding(string text) => Assert.Equal(["pii-iban"], Rules(text));

    [Fact]
    public void A_phone_number_beside_an_iban_is_still_reported()
    {
        var rules = Rules("IBAN DE89 3704 0044 0532 0130 00, call +1 415 555 2671");
        Assert.Contains("pii-iban", rules);
        Assert.Contains("pii-phone", rules);
    }
}
