namespace Palisade.Core.Analyzers.Egress;

/// <summary>
/// A host name split into subdomain labels, the registrable label and the public suffix. An approximation without the
/// Public Suffix List: the suffix is the last label, or the last two where the second-level label is one of the generic
/// ones countries use (<c>co.uk</c>, <c>com.au</c>). Good enough to find what a name's owner chose freely.
/// </summary>
public readonly record struct DomainParts(IReadOnlyList<string> Subdomain, string Registrable, string Suffix)
{
    private static readonly HashSet<string> SecondLevel = new(StringComparer.Ordinal)
    {
        "co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "gob", "mil", "nic", "ltd", "plc", "sch",
    };

    public static DomainParts Of(string host)
    {
        var labels = host.Split('.');
        if (labels.Length < 2) return new DomainParts([], host, "");
        var suffixLabels = labels.Length >= 3 && labels[^1].Length == 2 && SecondLevel.Contains(labels[^2]) ? 2 : 1;
        var registrable = labels[^(suffixLabels + 1)];
        var suffix = string.Join('.', labels[^suffixLabels..]);
        return new DomainParts(labels[..^(suffixLabels + 1)], registrable, suffix);
    }

    /// <summary>The registrable domain: <c>example.co.uk</c> of <c>a.b.example.co.uk</c>.</summary>
    public string Domain => Suffix.Length == 0 ? Registrable : $"{Registrable}.{Suffix}";
}
