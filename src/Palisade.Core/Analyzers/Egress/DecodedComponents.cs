using System.Text;

namespace Palisade.Core.Analyzers.Egress;

/// <summary>
/// The parts of a URL that only show a value once decoded, as one text for the content scanners: subdomain labels joined
/// (a key split across labels to pass DNS length limits, <c>sk-ant-api03-abc.def.evil.com</c>) and userinfo, path,
/// query and fragment percent-decoded until stable (<c>%2541</c> → <c>A</c>). Null when decoding changes nothing:
/// the raw URL, which the content scanners read already, says it all.
/// </summary>
public static class DecodedComponents
{
    public static string? Build(ParsedUrl url)
    {
        StringBuilder? sb = null;
        if (url.Host.Kind == HostKind.Name)
        {
            var sub = DomainParts.Of(url.Host.Name).Subdomain;
            if (sub.Count >= 2 || (sub.Count == 1 && sub[0].Length >= 16)) Line(ref sb, string.Concat(sub));
            if (url.Host.Anomalies.Contains("encoded-host")) Line(ref sb, url.Host.Name);
        }
        Decoded(ref sb, url.UserInfo, plusAsSpace: false);
        Decoded(ref sb, url.Path, plusAsSpace: false);
        Decoded(ref sb, url.Query, plusAsSpace: true);
        Decoded(ref sb, url.Fragment, plusAsSpace: false);
        return sb?.ToString();
    }

    private static void Decoded(ref StringBuilder? sb, string? component, bool plusAsSpace)
    {
        if (component is null || (component.IndexOf('%') < 0 && !(plusAsSpace && component.Contains('+')))) return;
        var decoded = PercentDecoding.DecodeFully(component, plusAsSpace: plusAsSpace);
        if (decoded != component) Line(ref sb, plusAsSpace ? decoded.Replace('&', '\n') : decoded);
    }

    private static void Line(ref StringBuilder? sb, string text) => (sb ??= new StringBuilder()).Append(text).Append('\n');
}
