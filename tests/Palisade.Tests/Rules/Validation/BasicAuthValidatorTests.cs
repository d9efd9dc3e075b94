using System.Text;
using Palisade.Core.Rules.Validation;

namespace Palisade.Tests.Rules.Validation;

public sealed class BasicAuthValidatorTests
{
    private readonly BasicAuthValidator _validator = new();

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    [Theory]
    [InlineData("deploy:Tq7vR2mZ8kLw")]
    [InlineData("api-key-only:")]
    [InlineData("user:pässwörd")]
    public void Base64_of_user_colon_password_is_valid(string pair) => Assert.True(_validator.IsValid(B64(pair)));

    [Fact]
    public void Base64_without_a_colon_is_not_a_credential_pair() => Assert.False(_validator.IsValid(B64("just some words")));

    [Fact]
    public void Control_characters_mean_binary_not_a_credential() => Assert.False(_validator.IsValid(B64("user:\u0001\u0002pass")));

    [Theory]
    [InlineData("")]
    [InlineData("not*base64")]
    [InlineData("abc")]
    public void Malformed_input_is_rejected_without_throwing(string value) => Assert.False(_validator.IsValid(value));
}
