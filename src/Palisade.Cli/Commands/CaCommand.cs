using System.CommandLine;
using Palisade.Core.Config;
using Palisade.Gateway.Egress.Interception;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade ca init|trust</c>: the local CA for <c>palisade run --intercept</c>, and how to trust it.</summary>
public static class CaCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("ca", "The local certificate authority the egress proxy signs intercepted hosts' certificates with.");
        var init = new Command("init", "Create the CA in $PALISADE_HOME/ca (certificate palisade-ca.pem, key 0600) unless it exists; print the certificate's path.");
        init.SetAction(_ => Init(console));
        var trust = new Command("trust", "Print how to trust the CA on Linux, macOS and Windows, and for common runtimes.");
        trust.SetAction(_ => Trust(console));
        command.Subcommands.Add(init);
        command.Subcommands.Add(trust);
        return command;
    }

    private static string Directory() => CertificateAuthority.DefaultDirectory(PalisadeHome.FromEnvironment().Root);

    private static int Init(CliConsole console)
    {
        var (ca, created) = CertificateAuthority.LoadOrCreate(Directory(), TimeProvider.System);
        using (ca)
        {
            console.Out.WriteLine(ca.CertificatePath);
            console.Error.WriteLine(created
                ? $"palisade: created a CA valid until {ca.Certificate.NotAfter:yyyy-MM-dd}; its key is {Path.Combine(ca.Directory, CertificateAuthority.KeyFile)} (owner-only). Run 'palisade ca trust' for how to trust it."
                : "palisade: the CA already exists; nothing was changed.");
        }
        return ExitCodes.Ok;
    }

    private static int Trust(CliConsole console)
    {
        var dir = Directory();
        var pem = Path.Combine(dir, CertificateAuthority.CertificateFile);
        if (!CertificateAuthority.Exists(dir))
        {
            console.Error.WriteLine($"palisade: no CA in {dir}; run 'palisade ca init' first.");
            return ExitCodes.UsageError;
        }
        var o = console.Out;
        o.WriteLine($"Trust {pem} only where agents run through 'palisade run --intercept': whoever holds its key can impersonate any site to this machine.");
        o.WriteLine();
        o.WriteLine("Debian / Ubuntu:");
        o.WriteLine($"  sudo cp '{pem}' /usr/local/share/ca-certificates/palisade-ca.crt && sudo update-ca-certificates");
        o.WriteLine("Fedora / RHEL:");
        o.WriteLine($"  sudo cp '{pem}' /etc/pki/ca-trust/source/anchors/palisade-ca.pem && sudo update-ca-trust");
        o.WriteLine("macOS:");
        o.WriteLine($"  sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain '{pem}'");
        o.WriteLine("Windows (PowerShell as administrator):");
        o.WriteLine($"  Import-Certificate -FilePath '{pem}' -CertStoreLocation Cert:\\LocalMachine\\Root");
        o.WriteLine();
        o.WriteLine("Per process, without touching the system store:");
        o.WriteLine($"  curl --cacert '{pem}' …   |   CURL_CA_BUNDLE='{pem}'");
        o.WriteLine($"  NODE_EXTRA_CA_CERTS='{pem}'   (Node.js)");
        o.WriteLine($"  REQUESTS_CA_BUNDLE='{pem}' SSL_CERT_FILE='{pem}'   (Python requests / OpenSSL; these replace the bundle, so concatenate it with the system one)");
        o.WriteLine($"  SSL_CERT_FILE='{pem}'   (.NET on Linux, Go)");
        o.WriteLine();
        o.WriteLine("To stop trusting it, remove it the same way (update-ca-certificates --fresh; security delete-certificate; Remove-Item in Cert:\\LocalMachine\\Root).");
        return ExitCodes.Ok;
    }
}
