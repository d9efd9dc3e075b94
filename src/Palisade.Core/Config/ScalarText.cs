using System.Globalization;

namespace Palisade.Core.Config;

/// <summary>
/// The typed readings of a scalar, shared by every strict node (<see cref="YamlNode"/> for config,
/// <c>RuleNode</c> for rule files): one spelling of booleans, numbers and enum names, one wording of the errors.
/// </summary>
internal static class ScalarText
{
    public static bool ToBool(string text, Func<string, ConfigException> error) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        var v => throw error($"expected true or false, got '{v}'."),
    };

    public static double ToDouble(string text, Func<string, ConfigException> error) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw error($"expected a number, got '{text}'.");

    public static int ToInt(string text, Func<string, ConfigException> error) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : throw error($"expected a whole number, got '{text}'.");

    public static T ToEnum<T>(string text, IReadOnlyDictionary<string, T> names, Func<string, ConfigException> error)
    {
        var v = text.Trim().ToLowerInvariant();
        return names.TryGetValue(v, out var r) ? r : throw error($"'{v}' is not one of: {string.Join(", ", names.Keys)}.");
    }
}
