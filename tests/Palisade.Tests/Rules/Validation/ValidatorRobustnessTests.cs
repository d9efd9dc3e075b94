using Palisade.Core.Rules;

namespace Palisade.Tests.Rules.Validation;

/// <summary>Validators see whatever a regex captured: any string at all must get an answer, never an exception.</summary>
public sealed class ValidatorRobustnessTests
{
    public static TheoryData<string> Names() => [.. Validators.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void A_validator_never_throws_on_arbitrary_input(string name)
    {
        var validator = Validators.Get(name);
        var random = new Random(1234);
        const string alphabet = "abcXYZ0189+/=-_.:~ \t\n{}\"'é漢\u0000\uFFFF";
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, i % 10 == 0 ? 3000 : 120)];
            for (var j = 0; j < chars.Length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
            _ = validator.IsValid(chars);
        }
        _ = validator.IsValid(new string('1', 10_000));
        _ = validator.IsValid("eyJ" + new string('A', 5001) + ".eyJ.x");
    }
}
