using System.Security.Cryptography;
using System.Text;
using Palisade.Core.Config;

namespace Palisade.Gateway.Admin;

/// <summary>The admin plane's bearer token: <c>$PALISADE_HOME/admin.token</c>, made (0600) on first run, never printed.</summary>
public sealed class AdminToken
{
    private readonly byte[] _token;

    public AdminToken(string token)
    {
        if (token.Length < 16) throw new ArgumentException("the admin token must be at least 16 characters.", nameof(token));
        _token = Encoding.UTF8.GetBytes(token);
    }

    public static string PathIn(PalisadeHome home) => Path.Combine(home.Root, "admin.token");

    public static AdminToken LoadOrCreate(PalisadeHome home)
    {
        PalisadeHome.EnsurePrivateDirectory(home.Root);
        var bytes = PalisadeHome.ReadOrCreateSecretFile(PathIn(home), () => Encoding.ASCII.GetBytes(Base64Url(RandomNumberGenerator.GetBytes(32))));
        var text = Encoding.UTF8.GetString(bytes).Trim();
        if (text.Length < 16) throw new ConfigException($"{PathIn(home)}: the admin token is shorter than 16 characters; delete the file to make a new one.");
        return new AdminToken(text);
    }

    /// <summary>True when <paramref name="authorization"/> is <c>Bearer &lt;token&gt;</c>; compared in fixed time.</summary>
    public bool Accepts(string? authorization)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var given = Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, _token);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
