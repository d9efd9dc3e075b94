using System.Security.Cryptography.X509Certificates;
using Palisade.Gateway.Egress.Interception;
using Palisade.Tests.Gateway.Egress.Support;
using Palisade.Tests.Support;

namespace Palisade.Tests.Gateway.Egress;

/// <summary>Issue 6 point 1: the local CA (files, key permissions) and the leaves minted per host and cached.</summary>
public sealed class CertificateAuthorityTests
{
    [Fact]
    public void Init_writes_the_certificate_and_a_private_key_and_a_second_init_changes_nothing()
    {
        using var dir = new CliRunner.TempDir();
        var caDir = Path.Combine(dir.Path, "ca");
        var (ca, created) = CertificateAuthority.LoadOrCreate(caDir, TimeProvider.System);
        using (ca)
        {
            Assert.True(created);
            Assert.Equal(Path.Combine(caDir, "palisade-ca.pem"), ca.CertificatePath);
            Assert.Contains("BEGIN CERTIFICATE", File.ReadAllText(ca.CertificatePath));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(caDir, "palisade-ca.key")));
            var constraints = ca.Certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single();
            Assert.True(constraints.CertificateAuthority);
        }
        var before = File.ReadAllText(Path.Combine(caDir, "palisade-ca.pem"));
        var (again, createdAgain) = CertificateAuthority.LoadOrCreate(caDir, TimeProvider.System);
        again.Dispose();
        Assert.False(createdAgain);
        Assert.Equal(before, File.ReadAllText(Path.Combine(caDir, "palisade-ca.pem")));
    }

    [Fact]
    public void Loading_a_missing_CA_says_to_run_ca_init()
    {
        using var dir = new CliRunner.TempDir();
        var e = Assert.Throws<ArgumentException>(() => CertificateAuthority.Load(Path.Combine(dir.Path, "nope")));
        Assert.Contains("palisade ca init", e.Message);
    }

    [Fact]
    public void Leaves_chain_to_the_CA_name_their_host_and_are_minted_once_per_host()
    {
        using var dir = new CliRunner.TempDir();
        using var ca = CertificateAuthority.LoadOrCreate(dir.Path, TimeProvider.System).Authority;
        var cache = new LeafCertificateCache(ca, TimeProvider.System);
        var first = cache.For("api.example.com");
        Assert.Same(first, cache.For("API.example.com"));
        var leaf = first.TargetCertificate;
        Assert.True(ProxyHarness.ChainsTo(leaf, ca.Certificate));
        Assert.Equal("api.example.com", leaf.GetNameInfo(X509NameType.DnsName, false));
        Assert.True(leaf.NotAfter - leaf.NotBefore <= TimeSpan.FromDays(31));
        var ip = cache.For("10.1.2.3").TargetCertificate;
        Assert.Contains("10.1.2.3", ip.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateIPAddresses().Select(a => a.ToString()));
        Assert.Equal(2, cache.Count);
    }
}
