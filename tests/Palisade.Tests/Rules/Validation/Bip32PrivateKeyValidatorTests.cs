using Palisade.Core.Rules.Validation;
using static Palisade.Tests.Rules.Validation.Base58TestEncoding;

namespace Palisade.Tests.Rules.Validation;

public sealed class Bip32PrivateKeyValidatorTests
{
    private readonly Bip32PrivateKeyValidator _validator = new();

    private static byte[] Extended(uint version, byte keyPrefix) =>
    [
        (byte)(version >> 24), (byte)(version >> 16), (byte)(version >> 8), (byte)version,
        0x02, 0x11, 0x22, 0x33, 0x44, 0x80, 0x00, 0x00, 0x01, // depth, parent fingerprint, child number
        .. Key(10), // chain code
        keyPrefix, .. Key(11),
    ];

    [Theory]
    [InlineData(0x0488ADE4u)] // xprv
    [InlineData(0x04358394u)] // tprv
    [InlineData(0x04B2430Cu)] // zprv
    public void An_extended_private_key_is_valid(uint version) =>
        Assert.True(_validator.IsValid(EncodeCheck(Extended(version, 0x00))));

    [Fact]
    public void An_extended_public_key_is_not_a_secret() =>
        Assert.False(_validator.IsValid(EncodeCheck(Extended(0x0488B21E, 0x02)))); // xpub

    [Fact]
    public void The_private_key_field_must_start_with_zero() =>
        Assert.False(_validator.IsValid(EncodeCheck(Extended(0x0488ADE4, 0x03))));

    [Fact]
    public void A_bad_checksum_is_rejected()
    {
        var xprv = EncodeCheck(Extended(0x0488ADE4, 0x00));
        Assert.False(_validator.IsValid(xprv[..^1] + (xprv[^1] == 'z' ? 'y' : 'z')));
    }
}
