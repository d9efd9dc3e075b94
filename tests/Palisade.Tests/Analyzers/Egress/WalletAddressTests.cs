using Palisade.Core.Analyzers.Egress;

namespace Palisade.Tests.Analyzers.Egress;

/// <summary>Which URL tokens are wallet addresses: Ethereum by shape, Bitcoin by its Base58Check checksum and version.</summary>
public sealed class WalletAddressTests
{
    [Theory]
    [InlineData("0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045", "ethereum")]
    [InlineData("0x52908400098527886e0f7030069857d2e4169ee7", "ethereum")]
    [InlineData("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "bitcoin")] // P2PKH, version 0x00
    [InlineData("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "bitcoin")] // P2SH, version 0x05
    public void An_address_is_named_by_its_chain(string token, string kind) => Assert.Equal(kind, WalletAddress.Kind(token));

    [Theory]
    [InlineData("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3")]             // one character changed: the checksum fails
    [InlineData("0xd8dA6BF26964aF9D7eEd9e03E53415D37aA9604")]        // 39 hex digits
    [InlineData("0xg8dA6BF26964aF9D7eEd9e03E53415D37aA96045")]       // not hex
    [InlineData("0f3c1d2e4b5a69788796a5b4c3d2e1f0a9b8c7d6")]         // a commit id: no 0x
    [InlineData("5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ")] // a WIF private key is a secret rule's business
    public void Other_tokens_are_not_addresses(string token) => Assert.Null(WalletAddress.Kind(token));
}
