using System.Text;
using Palisade.Core.Rules.Validation;

namespace Palisade.Tests.Rules.Validation;

public sealed class GrafanaKeyValidatorTests
{
    private readonly GrafanaKeyValidator _validator = new();

    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_legacy_api_key_with_its_name_after_the_key_is_valid() =>
        Assert.True(_validator.IsValid(Encode("""{"k":"Tz8mQ2vLx7Rk4Wn9Bc1Jd6Hf3Gs5Pa0Y","n":"deploy","id":3}""")));

    [Fact]
    public void Other_json_that_opens_with_a_k_member_is_not_a_grafana_key() =>
        Assert.False(_validator.IsValid(Encode("""{"k":"3e9a1c7b-52d4-4f80-9b6e-0a2c4d6e8f10","t":"6b2e9d4a-1f3c-4a7e-8d5b-c0e2f4a6b8d1","c":2}""")));

    [Fact]
    public void Url_safe_base64_is_read_too() =>
        Assert.True(_validator.IsValid(Encode("""{"k":"Tz8mQ2vLx7Rk4Wn9Bc1Jd6Hf3Gs5Pa0Y","n":"ci>?deploy","id":3}""").Replace('+', '-').Replace('/', '_')));

    [Fact]
    public void A_cloud_token_is_checked_for_placeholders_only()
    {
        Assert.True(_validator.IsValid("glsa_Vb4kR8mQ2zT6nL1xW9cF3hJ7pD5sYa0e_5c1f9a2b"));
        Assert.False(_validator.IsValid("glc_EXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLE"));
    }

    [Theory]
    [InlineData("eyJrIjoi")]
    [InlineData("eyJrIjoi$$$$")]
    [InlineData("eyJrIjoiAAAA")]
    public void Truncated_or_malformed_keys_are_rejected_without_throwing(string value) => Assert.False(_validator.IsValid(value));
}
