using System.Text.RegularExpressions;

namespace Palisade.Core.Analyzers.Commands;

/// <summary>
/// A small built-in list of credential locations, used only where the path analyzer gave no answer, to see a secret
/// flowing into a network command. The path analyzer owns the judgement of paths (a plain read of one is its
/// finding); this list stays short on purpose.
/// </summary>
public static class CredentialPaths
{
    /// <summary>Private keys, cloud and registry credentials, password hashes: reading one is never routine for an agent.</summary>
    private static readonly Regex Strong = new(
        @"(?:^|/)\.ssh(?:/(?:id_[^/.]*|identity|\*))?/?$" +
        @"|(?:^|/)\.aws(?:/(?:credentials|\*))?/?$" +
        @"|^/etc/(?:shadow|gshadow|master\.passwd|security/opasswd)-?$" +
        @"|(?:^|/)\.(?:netrc|git-credentials|pgpass|pypirc)$" +
        @"|(?:^|/)\.docker/config\.json$|(?:^|/)\.kube/config$" +
        @"|(?:^|/)\.config/gcloud(?:/|$)|application_default_credentials\.json$|(?:^|/)\.azure/(?:accessTokens\.json|msal_token_cache)" +
        @"|(?:^|/)\.gnupg(?:/|$)|(?:^|/)\.password-store(?:/|$)" +
        @"|/proc/[^/]+/environ$|/(?:Chrome|Chromium|Edge|Brave-Browser|Firefox)/\S*/(?:Login Data|logins\.json|key[34]\.db|Cookies)$" +
        @"|\.keychain(?:-db)?$|(?:^|/)Library/Keychains(?:/|$)|/config/(?:SAM|SECURITY)$|(?:^|/)NTDS\.dit$",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    /// <summary>Also secret when they leave the machine, but too common to flag on a read alone.</summary>
    private static readonly Regex Weak = new(
        @"(?:^|/)\.env(?:\.[A-Za-z0-9_-]+)?$|(?:^|/)\.npmrc$|\.(?:key|p12|pfx|ppk|jks|keystore)$|(?:^|/)\.(?:bash|zsh)_history$|^/etc/passwd$",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    public static bool IsCredential(string path) => path.Length < 1024 && Strong.IsMatch(Clean(path));

    public static bool IsSensitive(string path) => path.Length < 1024 && (Strong.IsMatch(Clean(path)) || Weak.IsMatch(Clean(path)));

    /// <summary><c>${HOME}</c> as <c>$HOME</c>, Windows separators as <c>/</c>, no trailing slash or quotes.</summary>
    private static string Clean(string path) =>
        ArgvNormalizer.NormalizePath(path.Replace("${HOME}", "$HOME", StringComparison.Ordinal).Replace('\\', '/').Trim('"', '\''));
}
