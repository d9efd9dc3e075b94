using Palisade.Core.Rules.Validation;

namespace Palisade.Tests.Rules;

public sealed class PiiValidatorTests
{
    [Theory]
    [InlineData("4787789328792170", true)]
    [InlineData("4787 7893 2879 2170", true)]
    [InlineData("374218096792904", true)]        // Amex, 15 digits
    [InlineData("2231810033907576", true)]       // Mastercard 2-series
    [InlineData("180016070420458", true)]        // JCB, 15-digit range
    [InlineData("4787789328792171", false)]      // Luhn fails
    [InlineData("3742180967929040", false)]      // Amex prefix with 16 digits
    [InlineData("0000000000000000", false)]      // passes Luhn, one repeated digit
    [InlineData("9999999999999995", false)]      // Luhn-valid, no issuer starts with 99
    [InlineData("4787x89328792170", false)]
    public void Payment_card_needs_luhn_and_an_issuer_length(string value, bool valid) =>
        Assert.Equal(valid, new PaymentCardValidator().IsValid(value));

    [Theory]
    [InlineData("DE89401916146100330766", true)]
    [InlineData("GB26 MIDL 6193 4514 5061 23", true)]
    [InlineData("gb26midl61934514506123", true)]
    [InlineData("DE89401916146100330767", false)]  // check digits wrong
    [InlineData("DE8940191614610033076", false)]   // one short for Germany
    [InlineData("XX89401916146100330766", false)]  // no such country
    public void Iban_needs_country_length_and_mod_97(string value, bool valid) =>
        Assert.Equal(valid, new IbanValidator().IsValid(value));

    [Theory]
    [InlineData("046991021", true)]
    [InlineData("046991022", false)]
    [InlineData("956991021", false)]   // prefix 95 is not a Federal Reserve range
    [InlineData("000000000", false)]
    public void Aba_routing_number_checksum(string value, bool valid) =>
        Assert.Equal(valid, new AbaRoutingValidator().IsValid(value));

    [Theory]
    [InlineData("512-44-7831", true)]
    [InlineData("666-44-7831", false)]
    [InlineData("000-44-7831", false)]
    [InlineData("912-44-7831", false)]
    [InlineData("512-00-7831", false)]
    [InlineData("512-44-0000", false)]
    public void Ssn_area_group_and_serial_rules(string value, bool valid) =>
        Assert.Equal(valid, new UsSsnValidator().IsValid(value));
}
