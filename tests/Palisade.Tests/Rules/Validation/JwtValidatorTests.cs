using System.Buffers.Text;
using System.Text;
using Palisade.Core.Rules.Validation;

namespace Palisade.Tests.Rules.Validation;

public sealed class JwtValidatorTests
{
    private readonly JwtValidator _validator = new();

    private static string Part(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static string Token(string header, string payload = """{"sub":"ci","iat":1700000000}""", string? signature = null) =>
        $"{Part(header)}.{Part(payload)}.{signature ?? Base64Url.EncodeToString(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray())}";

    [Fact]
    public void A_signed_token_with_alg_in_its_header_is_valid() =>
        Assert.True(_validator.IsValid(Token("""{"alg":"HS256","typ":"JWT"}""")));

    [Fact]
    public void An_unsigned_token_with_alg_none_and_an_empty_signature_is_valid() =>
        Assert.True(_validator.IsValid(Token("""{"alg":"none"}""", signature: "")));

    [Fact]
    public void A_header_without_alg_is_rejected() =>
        Assert.False(_validator.IsValid(Token("""{"typ":"JWT","kid":"k1"}""")));

    [Fact]
    public void Alg_nested_below_the_top_level_does_not_count() =>
        Assert.False(_validator.IsValid(Token("""{"typ":"JWT","x":{"alg":"HS256"}}""")));

    [Fact]
    public void A_header_that_is_not_json_is_rejected() =>
        Assert.False(_validator.IsValid(Token("""{"typ" JWT "alg":"HS256" }""")));

    [Fact]
    public void A_damaged_header_that_still_opens_with_alg_is_a_token_when_it_is_signed() =>
        Assert.True(_validator.IsValid(Token("""{"alg":"HS256\u0012typ":"JWT"}""")));

    [Fact]
    public void A_damaged_header_with_a_stub_signature_is_rejected() =>
        Assert.False(_validator.IsValid(Token("""{"alg":"HS256\u0012typ":"JWT"}""", signature: "c2lnbmF0dXJl")));

    [Fact]
    public void A_damaged_header_whose_payload_is_not_an_object_is_rejected() =>
        Assert.False(_validator.IsValid(Token("""{"alg":"HS256\u0012typ":"JWT"}""", payload: "[1,2,3]")));

    [Theory]
    [InlineData("eyJhbGciOiJIUzI1NiJ9")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2ln.extra")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9x.eyJzdWIiOiJjaSJ9.c2ln")]
    [InlineData("eyJhbGci$iJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2ln")]
    [InlineData(".eyJzdWIiOiJjaSJ9.c2ln")]
    [InlineData("")]
    public void Malformed_tokens_are_rejected_without_throwing(string value) => Assert.False(_validator.IsValid(value));
}
