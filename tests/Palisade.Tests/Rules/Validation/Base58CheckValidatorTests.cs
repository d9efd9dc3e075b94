using Palisade.Core.Rules.Validation;
using static Palisade.Tests.Rules.Validation.Base58TestEncoding;

namespace Palisade.Tests.Rules.Validation;

public sealed class Base58CheckValidatorTests
{
    private readonly Base58CheckValidator _validator = new();

    [Theory]
    [InlineData(0x80, false)]
    [InlineData(0x80, true)]
    [InlineData(0xEF, false)]
    [InlineData(0xEF, true)]
    public void A_wif_key_built_with_base58check_is_valid(byte version, bool compressed)
    {
        byte[] payload = compressed ? [version, .. Key(1), 0x01] : [version, .. Key(1)];
        Assert.True(_validator.IsValid(EncodeCheck(payload)));
    }

    [Fact]
    public void A_changed_character_breaks_the_checksum()
    {
        var wif = EncodeCheck([0x80, .. Key(2), 0x01]);
        var tampered = wif[..^3] + (wif[^3] == 'a' ? 'b' : 'a') + wif[^2..];
        Assert.False(_validator.IsValid(tampered));
    }

    [Fact]
    public void A_bitcoin_address_version_is_not_a_private_key() =>
        Assert.False(_validator.IsValid(EncodeCheck([0x00, .. Key(3)])));

    [Fact]
    public void A_compressed_key_must_end_in_0x01() =>
        Assert.False(_validator.IsValid(EncodeCheck([0x80, .. Key(4), 0x02])));

    [Fact]
    public void A_payload_of_the_wrong_length_is_rejected() =>
        Assert.False(_validator.IsValid(EncodeCheck([0x80, .. Key(5), .. Key(6)[..8]])));

    [Theory]
    [InlineData("")]
    [InlineData("5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyT0")]
    [InlineData("KwDiBf89QgGbjEhKnhXJuH7LrciVrZi3qYjgd9M7rFU73Nd2Mcv1OI")]
    [InlineData("not base58 at all, just words and spaces here ok")]
    public void Malformed_input_is_rejected_without_throwing(string value) => Assert.False(_validator.IsValid(value));
}
