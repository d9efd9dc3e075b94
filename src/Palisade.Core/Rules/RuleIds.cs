namespace Palisade.Core.Rules;

internal static class RuleIds
{
    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 80 && id[0] is >= 'a' and <= 'z' && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
