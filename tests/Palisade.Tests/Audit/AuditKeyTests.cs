using Palisade.Core.Audit;
using Palisade.Core.Config;

namespace Palisade.Tests.Audit;

public sealed class AuditKeyTests
{
    [Fact]
    public void The_signing_key_is_made_on_first_use_private_0600_and_public_beside_it()
    {
        using var fixture = new AuditFixture();
        var home = new PalisadeHome(Path.Combine(fixture.Root, "home"));

        using var first = AuditSigningKey.LoadOrCreate(home);
        using var again = AuditSigningKey.LoadOrCreate(home);

        Assert.Equal(first.KeyId, again.KeyId);
        Assert.Contains("BEGIN PRIVATE KEY", File.ReadAllText(AuditSigningKey.PrivateKeyPath(home)));
        using var published = AuditTrustedKey.FromFile(AuditSigningKey.PublicKeyPath(home));
        Assert.Equal(first.KeyId, published.KeyId);
        Assert.Equal(16, first.KeyId.Length);
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, UnixMode(AuditSigningKey.PrivateKeyPath(home)));
    }

    [Fact]
    public void Audit_files_and_directory_are_private_to_their_owner()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        using var fixture = new AuditFixture();
        fixture.NewLog().Append([fixture.Verdict()]);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, UnixMode(fixture.OnlyFile()));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, UnixMode(fixture.AuditDir));
    }

    /// <summary>Only called after the test skipped itself on Windows.</summary>
    private static UnixFileMode UnixMode(string path) => OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(path);

    [Fact]
    public void A_trusted_key_must_be_an_ecdsa_p256_public_key()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);

        Assert.Throws<AuditException>(() => AuditTrustedKey.FromPem(rsa.ExportSubjectPublicKeyInfoPem()));
        Assert.Throws<AuditException>(() => AuditTrustedKey.FromPem("not a key"));
    }
}
