using Palisade.Core.Rules.Validation;

namespace Palisade.Tests.Rules.Validation;

public sealed class NotPlaceholderValidatorTests
{
    private readonly NotPlaceholderValidator _validator = new();

    [Theory]
    [InlineData("ghp_R7vKq2LmX9zWb4Tn8YcJ3dHs6FpA1eUo5GiN")]
    [InlineData("sk_live_51Hq8vTz3Lk9WmR2xB7nC4pD6fY0aE5gJ")]
    [InlineData("xoxb-882615347205-4419037756211-Vq8ZkWb3RtLs0Xm9Yp4NdHcE")]
    public void A_random_key_is_not_a_placeholder(string value) => Assert.True(_validator.IsValid(value));

    [Theory]
    [InlineData("xoxb-123456789012-Vq8ZkWb3RtLs0Xm9Yp4Nd")]
    [InlineData("1234567890:Xp3Kd-Vw9LqZ2mTn7Rb_Hs4Yc8Gj6Fe0Ua5")]
    public void A_key_whose_id_was_anonymised_as_a_run_of_digits_is_not_a_placeholder(string value) => Assert.True(_validator.IsValid(value));

    [Fact]
    public void A_format_that_repeats_by_design_is_not_a_placeholder() =>
        Assert.True(_validator.IsValid("AAAAAAAAAAAAAAAAAAAAAFk7pQ2vRt9LmX4wZb8NcJ3sHy6DgE1aKu5oTi0WqYr2Pz"));

    [Theory]
    [InlineData("gsk_Rq8vTz3Lk9WmR2xB7nC4pD6fY0aE5gJh1Lq276543210")]
    [InlineData("sk-1234567c7QuWm2xB7nC4pD6fY0aE5gJhT3BlbkFJ")]
    [InlineData("00Qc7Al4MlV-WPXM-ABCDEFGHIJKL-0HmjFx-vbGua2")]
    public void A_counting_run_typed_into_the_random_part_marks_a_fake_or_masked_key(string value) => Assert.False(_validator.IsValid(value));

    [Theory]
    [InlineData("12345678-ABCD-ABCD-ABCD-1234567890AB")]
    [InlineData("dapiabcd1234abcd1234abcd1234abcd1234")]
    [InlineData("ghp_00000000000000000000000000000004WZ4EQ")]
    [InlineData("xoxb-0000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("zyxwvutsrqponm9876543210")]
    [InlineData("pat-na1-12345678-1234-1234-1234-123456789012")]
    public void A_value_mostly_made_of_runs_is_a_placeholder(string value) => Assert.False(_validator.IsValid(value));

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("SWMKEY-1-7c37Cc8654o6pExampleKeyTestOnlytbdZEgtKxZu8")]
    [InlineData("sk-proj-Rq8vTz3Lk9-xxxxxxxxxxxx-WmR2xB7nC4pD6fY0aE5gJ")]
    public void A_value_that_says_example_or_is_x_ed_out_is_a_placeholder(string value) => Assert.False(_validator.IsValid(value));

    [Fact]
    public void Letters_count_up_whatever_their_case() =>
        Assert.False(_validator.IsValid("tok_AbCdEfGhIjKlMn"));

    [Theory]
    [InlineData("")]
    [InlineData("----")]
    public void A_value_without_letters_or_digits_is_left_to_the_other_checks(string value) => Assert.True(_validator.IsValid(value));
}
