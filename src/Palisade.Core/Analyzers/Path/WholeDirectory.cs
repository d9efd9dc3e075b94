using Palisade.Core.Model;

namespace Palisade.Core.Analyzers.Paths;

/// <summary>
/// What a command that reads a directory as a tree (<c>tar c</c>, <c>cp -r</c>, <c>grep -r</c>…) reads with it. The path
/// rules judge files; a directory holding credentials is judged as one file of each credential store it holds (a
/// representative path that the store's own rule matches), so the store's rule and action decide.
/// </summary>
/// <remarks>
/// Only stores under a home directory are listed: they belong to the user the agent runs as, who can read them.
/// System secrets (<c>/etc/shadow</c>, host keys) are left to the rules on their own paths: backing up <c>/etc</c> is
/// routine administration, and reading them needs root. A whole home directory, or a tree holding homes, is not judged
/// here: it holds every store at once and is also what a backup reads, so the command analyzer asks for a review.
/// </remarks>
public static class WholeDirectory
{
    /// <summary>
    /// Canonical representative paths, lower case; a <c>*</c> segment stands for any one segment (a browser profile).
    /// Each must be matched by a rule in <c>rules/path</c> (a test holds them to it).
    /// </summary>
    public static readonly IReadOnlyList<string> CredentialStores =
    [
        "~/.ssh/id_rsa",
        "~/.aws/credentials",
        "~/.azure/accesstokens.json",
        "~/.config/gcloud/credentials.db",
        "~/.config/gh/hosts.yml",
        "~/.gnupg/private-keys-v1.d",
        "~/.kube/config",
        "~/.docker/config.json",
        "~/.config/containers/auth.json",
        "~/.oci/config",
        "~/.password-store/default.gpg",
        "~/.local/share/keyrings/login.keyring",
        "~/library/keychains/login.keychain-db",
        "~/.config/google-chrome/*/login data",
        "~/.config/chromium/*/login data",
        "~/.config/bravesoftware/brave-browser/*/login data",
        "~/.config/microsoft-edge/*/login data",
        "~/.mozilla/firefox/*/logins.json",
        "~/library/application support/google/chrome/*/login data",
        "~/library/application support/firefox/profiles/*/logins.json",
        "~/appdata/local/google/chrome/user data/*/login data",
        "~/appdata/local/microsoft/edge/user data/*/login data",
        "~/appdata/roaming/mozilla/firefox/profiles/*/logins.json",
        "~/.bitcoin/wallets/wallet.dat",
        "~/.ethereum/keystore/key",
        "~/.electrum/wallets/default_wallet",
        "~/.config/solana/id.json",
    ];

    /// <summary>A home directory, or a directory that holds homes: every credential store of the user at once.</summary>
    public static bool HoldsHomes(string canonical) =>
        canonical == "/" || canonical.TrimEnd('/') is "~" or "/home" or "/users" or "/root" or "c:" or "c:/users" or "/mnt/c/users";

    /// <summary>
    /// The representative paths of the credential stores <paramref name="canonical"/> (a resolved directory) holds, with
    /// the directory's own segments in place of any <c>*</c> it covers. Empty for a relative or unrelated directory.
    /// </summary>
    public static IEnumerable<string> CredentialsInside(string canonical)
    {
        var dir = canonical.TrimEnd('/').ToLowerInvariant();
        if (dir.Length == 0 || dir[0] != '~') yield break;
        var dirSegments = dir.Split('/');
        foreach (var store in CredentialStores)
        {
            var segments = store.Split('/');
            // A directory inside a store (~/.ssh/keys), or the store's file itself, is judged by the rules as named.
            if (!Covers(dirSegments, segments)) continue;
            for (var i = 0; i < dirSegments.Length; i++) segments[i] = dirSegments[i];
            for (var i = dirSegments.Length; i < segments.Length; i++)
                if (segments[i] == "*") segments[i] = "default";
            yield return string.Join('/', segments);
        }
    }

    /// <summary>The directory is a proper prefix of the store's path (segment by segment, <c>*</c> matching any one).</summary>
    private static bool Covers(string[] dir, string[] store)
    {
        if (dir.Length >= store.Length) return false;
        for (var i = 0; i < dir.Length; i++)
            if (store[i] != "*" && store[i] != dir[i]) return false;
        return true;
    }

    /// <summary>
    /// A directory read as a tree is also a read of each credential store it holds, judged by that store's rule (the
    /// action <paramref name="read"/> makes for a store's representative path): the finding says the directory was read
    /// whole and shows the directory, not the representative file. A rule that already judged the directory itself
    /// since <paramref name="since"/> (<c>~/.gnupg</c> is the GnuPG rule's) is not repeated. Homes are left to the
    /// command rule on a whole home (<see cref="HoldsHomes"/>).
    /// </summary>
    public static void JudgeStoresInside(AnalysisContext context, string field, string path, string? workingDirectory, int since, Func<string, AgentAction> read)
    {
        var dir = PathResolver.Resolve(path, workingDirectory).Canonical;
        if (HoldsHomes(dir)) return;
        HashSet<string>? reported = null;
        string? shown = null;
        foreach (var store in CredentialsInside(dir))
        {
            if (reported is null)
            {
                reported = new HashSet<string>(StringComparer.Ordinal);
                for (var i = since; i < context.FindingsSoFar.Count; i++) reported.Add(context.FindingsSoFar[i].RuleId);
                shown = context.Redactor.Excerpt(dir, 160);
            }
            context.InspectRewritten(read(store), field,
                f => f.Scanner != PathAnalyzer.AnalyzerName ? f
                    : !reported.Add(f.RuleId) ? null
                    : f with { Evidence = shown!, Description = $"{f.Description}, by reading {shown} whole (recursively)" });
        }
    }
}
