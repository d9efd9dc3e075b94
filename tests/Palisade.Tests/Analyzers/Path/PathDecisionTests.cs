using Palisade.Core.Engine;
using Palisade.Core.Model;

namespace Palisade.Tests.Analyzers.Paths;

/// <summary>What the default policy decides for each asset class and operation, through the production engine.</summary>
public sealed class PathDecisionTests
{
    private static readonly PalisadeEngine Engine = PalisadeEngine.CreateDefault();

    private static Verdict Scan(string input) => Engine.Evaluate(ScanKind.ToAction("path", input));

    [Theory]
    [InlineData("~/.ssh/id_rsa", "credential-store")]
    [InlineData("~/.aws/credentials", "credential-store")]
    [InlineData("~/.config/gcloud/application_default_credentials.json", "credential-store")]
    [InlineData("~/.kube/config", "credential-store")]
    [InlineData("~/.docker/config.json", "credential-store")]
    [InlineData("~/.git-credentials", "credential-store")]
    [InlineData("~/.config/gh/hosts.yml", "credential-store")]
    [InlineData("~/.cargo/credentials", "credential-store")]
    [InlineData("~/.claude/.credentials.json", "credential-store")]
    [InlineData("~/.config/google-chrome/Default/Login Data", "browser-data")]
    [InlineData("~/.mozilla/firefox/x.default/key4.db", "browser-data")]
    [InlineData("~/Library/Keychains/login.keychain-db", "password-store")]
    [InlineData("~/.password-store/bank.gpg", "password-store")]
    [InlineData("~/.bitcoin/wallet.dat", "crypto-wallet")]
    [InlineData("~/.config/solana/id.json", "crypto-wallet")]
    [InlineData("/etc/shadow", "os-secret")]
    [InlineData("/proc/self/environ", "os-secret")]
    [InlineData("/var/run/docker.sock", "os-secret")]
    [InlineData("C:\\Windows\\System32\\config\\SAM", "os-secret")]
    [InlineData("write:.claude/settings.json", "ai-client-config")]
    [InlineData("write:.mcp.json", "ai-client-config")]
    [InlineData("write:~/.bashrc", "persistence")]
    [InlineData("write:~/Library/LaunchAgents/x.plist", "persistence")]
    [InlineData("write:/etc/systemd/system/x.service", "persistence")]
    [InlineData("write:~/.ssh/authorized_keys", "persistence")]
    [InlineData("write:/usr/bin/ls", "system-file")]
    [InlineData("../../../../etc/hosts", "path-traversal")]
    public void Each_asset_class_has_its_category(string input, string category) =>
        Assert.Contains(Scan(input).Findings, f => f.Scanner == "path" && f.Category == category);

    [Theory]
    // Credential stores, browser data, wallets, OS secrets: blocked whatever the operation.
    [InlineData("~/.ssh/id_rsa", Decision.Block)]
    [InlineData("write:~/.aws/credentials", Decision.Block)]
    [InlineData("delete:~/.gnupg/pubring.kbx", Decision.Block)]
    [InlineData("~/.config/google-chrome/Local State", Decision.Block)]
    [InlineData("~/.ethereum/keystore", Decision.Block)]
    [InlineData("/etc/shadow", Decision.Block)]
    // SSH metadata: the config is held, known_hosts is recorded, public keys pass.
    [InlineData("~/.ssh/config", Decision.Review)]
    [InlineData("~/.ssh/known_hosts", Decision.Audit)]
    [InlineData("~/.ssh/id_ed25519.pub", Decision.Allow)]
    // .env: reads and writes held, deletes allowed, templates allowed.
    [InlineData(".env", Decision.Review)]
    [InlineData("write:.env.production", Decision.Review)]
    [InlineData("delete:.env", Decision.Allow)]
    [InlineData(".env.example", Decision.Allow)]
    // AI client config: writing blocked, reading the user-level files held, reading project files allowed.
    [InlineData("write:~/.claude/settings.json", Decision.Block)]
    [InlineData("delete:.cursor/mcp.json", Decision.Block)]
    [InlineData("~/.claude.json", Decision.Review)]
    [InlineData(".claude/settings.json", Decision.Allow)]
    [InlineData("write:.vscode/settings.json", Decision.Review)]
    // Shell startup files: read and write held; history held for every operation.
    [InlineData("~/.bashrc", Decision.Review)]
    [InlineData("write:~/.zshrc", Decision.Review)]
    [InlineData("~/.bash_history", Decision.Review)]
    [InlineData("delete:~/.bash_history", Decision.Review)]
    // Persistence: autostart, cron, authorized_keys blocked; git hooks held.
    [InlineData("write:~/.config/autostart/x.desktop", Decision.Block)]
    [InlineData("write:/etc/cron.d/job", Decision.Block)]
    [InlineData("write:~/.ssh/authorized_keys", Decision.Block)]
    [InlineData("~/.ssh/authorized_keys", Decision.Allow)]
    [InlineData("write:.git/hooks/pre-commit", Decision.Review)]
    // System files.
    [InlineData("/etc/passwd", Decision.Audit)]
    [InlineData("write:/etc/passwd", Decision.Block)]
    [InlineData("write:/etc/hosts", Decision.Review)]
    [InlineData("/etc/hosts", Decision.Allow)]
    [InlineData("write:/boot/grub/grub.cfg", Decision.Block)]
    [InlineData("delete:/", Decision.Block)]
    [InlineData("write:/dev/null", Decision.Allow)]
    // Executing from a temporary directory is recorded; writing there is nothing.
    [InlineData("execute:/tmp/x.sh", Decision.Audit)]
    [InlineData("write:/tmp/x.sh", Decision.Allow)]
    // Traversal: two levels into a system directory held, four blocked.
    [InlineData("../../etc/nginx/nginx.conf", Decision.Review)]
    [InlineData("../../../../../../etc/passwd", Decision.Block)]
    [InlineData("../../../etc/shadow", Decision.Block)]
    public void Each_operation_on_each_class_gets_its_decision(string input, Decision expected) =>
        Assert.Equal(expected, Scan(input).Decision);

    [Theory]
    [InlineData("./src/ssh/client.ts")]
    [InlineData("docs/aws-credentials.md")]
    [InlineData(".env.example")]
    [InlineData("~/.ssh/id_ed25519.pub")]
    [InlineData("~/projects/app/.claude-notes.md")]
    [InlineData("/etc/hostname")]
    [InlineData("write:~/projects/app/src/index.ts")]
    [InlineData("delete:build/output.js")]
    [InlineData("execute:./gradlew")]
    [InlineData("src/knowledge/cookies")]
    [InlineData("README.md")]
    [InlineData("../shared/config.json")]
    [InlineData("~/.config/gcloud/configurations/config_default")]
    [InlineData("/usr/share/dict/words")]
    [InlineData("C:\\Users\\bob\\source\\repos\\App\\Program.cs")]
    public void Look_alikes_and_project_files_pass(string input)
    {
        var verdict = Scan(input);
        Assert.Equal(Decision.Allow, verdict.Decision);
        Assert.DoesNotContain(verdict.Findings, f => f.Scanner == "path");
    }

    [Fact]
    public void A_relative_path_is_judged_where_the_working_directory_puts_it()
    {
        var action = ScanKind.ToAction("path", "../../../etc/shadow") with { WorkingDirectory = "/home/alice/app" };
        Assert.Equal(Decision.Block, Engine.Evaluate(action).Decision);
        var harmless = ScanKind.ToAction("path", "../../etc/app.conf") with { WorkingDirectory = "/home/alice/src/app/sub" };
        Assert.Equal(Decision.Allow, Engine.Evaluate(harmless).Decision);
    }

    [Fact]
    public void A_file_access_without_an_operation_is_a_read()
    {
        var action = AgentAction.FromText(ActionKind.FileAccess, "") with { Path = "~/.bashrc" };
        Assert.Contains(Engine.Evaluate(action).Findings, f => f.RuleId == "path-shell-rc-read");
    }

    [Fact]
    public void Findings_say_what_was_done_to_what_and_leak_no_long_tokens()
    {
        var verdict = Scan("write:~/.config/google-chrome/Default/Local Extension Settings/nkbihfbeogaeaoehlefnkodbefgpgknn/000003.log");
        var f = Assert.Single(verdict.Findings, f => f.RuleId == "path-wallet-extension");
        Assert.Equal("path", f.Scanner);
        Assert.Equal("path", f.Location.Field);
        Assert.Equal("canonical", f.Location.View);
        Assert.StartsWith("writing ", f.Description);
        Assert.DoesNotContain("nkbihfbeogaeaoehlefnkodbefgpgknn", f.Evidence);
        Assert.Contains("blocked", verdict.Reason);
    }

    [Fact]
    public void Case_is_no_disguise()
    {
        Assert.Equal(Decision.Block, Scan("~/.SSH/ID_RSA").Decision);
        Assert.Equal(Decision.Block, Scan("/ETC/SHADOW").Decision);
    }
}
