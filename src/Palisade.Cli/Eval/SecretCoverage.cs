using System.Text.RegularExpressions;

namespace Palisade.Cli.Eval;

/// <summary>
/// Which upstream credential types our secrets rules claim to cover (<c>secret-coverage.txt</c>, embedded), so recall is
/// reported on what we cover, and which examples are placeholders (EXAMPLE, xxxx, 123456…) that the rules reject on purpose.
/// </summary>
public sealed class SecretCoverage
{
    private readonly Regex[] _covered;
    private readonly Regex[] _excluded;

    private static readonly Regex Placeholder = new(
        @"(?i)x{6,}|EXAMPLE|your[_-]?(?:api|key|token|secret|pass)|012345|123456|234567|345678|456789|abcdef|a{10,}|0{10,}|(?:user(?:name)?):(?:secret|password)@|:password@|<[a-z ]+>",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private SecretCoverage(IEnumerable<string> lines)
    {
        var rules = lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        _covered = rules.Where(l => !l.StartsWith('!')).Select(Full).ToArray();
        _excluded = rules.Where(l => l.StartsWith('!')).Select(l => Full(l[1..])).ToArray();
    }

    private static Regex Full(string pattern) => new($"^(?:{pattern})$", RegexOptions.CultureInvariant);

    public static SecretCoverage Load()
    {
        using var stream = typeof(SecretCoverage).Assembly.GetManifestResourceStream("eval/secret-coverage.txt")
            ?? throw new InvalidOperationException("eval/secret-coverage.txt is missing from the build.");
        using var reader = new StreamReader(stream);
        return new SecretCoverage(reader.ReadToEnd().Split('\n'));
    }

    public bool Covers(string upstreamRule) => _covered.Any(r => r.IsMatch(upstreamRule)) && !_excluded.Any(r => r.IsMatch(upstreamRule));

    public static bool IsPlaceholder(string text) => Placeholder.IsMatch(text);
}
