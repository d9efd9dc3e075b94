using System.Collections.Frozen;
using Palisade.Core.Rules.Validation;

namespace Palisade.Core.Rules;

/// <summary>The validators rules can name. Each is stateless and allocation-light.</summary>
public static class Validators
{
    private static readonly FrozenDictionary<string, ISecretValidator> ByName = new ISecretValidator[]
    {
        new LuhnValidator(),
        new PaymentCardValidator(),
        new IbanValidator(),
        new AbaRoutingValidator(),
        new UsSsnValidator(),
        new Base58CheckValidator(),
        new BasicAuthValidator(),
        new Bip32PrivateKeyValidator(),
        new Bip39Validator(),
        new JwtValidator(),
        new NotPlaceholderValidator(),
        new GrafanaKeyValidator(),
    }.ToFrozenDictionary(v => v.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => ByName.Keys;
    public static bool Exists(string name) => ByName.ContainsKey(name);
    public static ISecretValidator Get(string name) => ByName[name];
}
