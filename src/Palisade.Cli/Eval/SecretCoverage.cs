using System.Text.RegularExpressions;

namespace Palisade.Cli.Eval;

/// <summary>
/// Which upstream credential types our secrets rules claim to cover (<c>secret-coverage.txt</c>, embedded), so recall is
/// reported on what we cover, which examples are placeholders (EXAMPLE, xxxx, 123456…) that the rules reject on purpose,
/// and which upstream negatives were reviewed as credentials by reading (<c>secret-negatives-reviewed.txt</c>,
/// docs/decisions/015), reported apart while still counted among the negatives.
/// </summary>
public sealed class SecretCoverage
{
    private readonly Regex[] _covered;
    private readonly Regex[] _excluded;
    private readonly HashSet<string> _reviewedCredentials;

    private static readonly Regex Placeholder = new(
        @"(?i)x{6,}|EXAMPLE|your[_-]?(?:api|key|token|secret|pass)|012345|123456|234567|345678|456789|abcdef|a{10,}|0{10,}|(?:user(?:name)?):(?:secret|password)@|:password@|<[a-z ]+>",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private SecretCoverage(IEnumerable<string> lines, IEnumerable<string> reviewed)
    {
        _reviewedCredentials = Meaningful(reviewed).Select(l => l.Split(' ', 2)[0]).ToHashSet(StringComparer.Ordinal);
        var rules = Meaningful(lines).ToList();
        _covered = rules.Where(l => !l.StartsWith('!')).Select(Full).ToArray();
        _excluded = rules.Where(l => l.StartsWith('!')).Select(l => Full(l[1..])).ToArray();
    }

    private static IEnumerable<string> Meaningful(IEnumerable<string> lines) =>
        lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    private static Regex Full(string pattern) => new($"^(?:{pattern})$", RegexOptions.CultureInvariant);

    public static SecretCoverage Load() => new(Resource("eval/secret-coverage.txt"), Resource("eval/secret-negatives-reviewed.txt"));

    private static string[] Resource(string name)
    {
        using var stream = typeof(SecretCoverage).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }

    /// <summary>An upstream negative reviewed as a credential by reading (a real-format key allow-listed by value, …).</summary>
    public bool IsReviewedCredential(string itemId) => _reviewedCredentials.Contains(itemId);

    public bool Covers(string upstreamRule) => _covered.Any(r => r.IsMatch(upstreamRule)) && !_excluded.Any(r => r.IsMatch(upstreamRule));

    public static bool IsPlaceholder(string text) => Placeholder.IsMatch(text);
}
