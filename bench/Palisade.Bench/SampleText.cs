using System.Text;

namespace Palisade.Bench;

/// <summary>
/// Deterministic inputs: "clean" is developer prose and code of the kind agents send (no credentials),
/// "dirty" is the same with a fake credential planted every 10 KB.
/// </summary>
public static class SampleText
{
    private static readonly string[] Paragraphs =
    [
        "The parser reads the configuration file once at startup and validates every section before the server accepts connections. ",
        "When a request arrives, the handler looks up the route, checks the caller's permissions, and forwards the body to the upstream service. ",
        "We measured the latency of the cache under load and found that most of the time was spent serialising responses rather than in the lookup itself. ",
        "public async Task<IActionResult> GetOrder(int id) { var order = await _db.Orders.FindAsync(id); return order is null ? NotFound() : Ok(order); } ",
        "To run the tests locally, install the SDK, restore the packages, and run the suite from the repository root; the integration tests need a local database. ",
        "Refactor the retry policy so that it backs off exponentially with jitter, and log each attempt at debug level with the operation name. ",
        "def load_items(path):\n    with open(path) as f:\n        return [json.loads(line) for line in f if line.strip()]\n",
        "The migration adds a nullable column, backfills it in batches of five hundred rows, and then makes it required in a second release. ",
        "Customers reported that the export button was slow for large workspaces, so the export now streams rows instead of building the whole file in memory. ",
        "SELECT name, count(*) FROM events WHERE created_at > now() - interval '7 days' GROUP BY name ORDER BY 2 DESC LIMIT 20; ",
    ];

    private static readonly string[] Secrets =
    [
        "ANTHROPIC_API_KEY=sk-ant-api03-u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFRIBXuDL7DxtpYlSXpfKtHFAA ",
        "AWS_ACCESS_KEY_ID=AKIA4QWERTYZX7UIOPLK ",
        "token ghp_Zq9v3Lm8Xw2Rt6Kp1Nb4Yc7Hd0Jf5Sg2Va8E ",
        "card 4787 7893 2879 2170 ",
    ];

    public static string Clean(int bytes) => Build(bytes, secretEvery: 0);

    public static string Dirty(int bytes) => Build(bytes, secretEvery: 10 * 1024);

    private static string Build(int bytes, int secretEvery)
    {
        var sb = new StringBuilder(bytes + 256);
        var p = 0;
        var s = 0;
        var nextSecret = secretEvery > 0 ? Math.Min(secretEvery / 2, bytes / 2) : int.MaxValue;
        while (sb.Length < bytes)
        {
            if (sb.Length >= nextSecret)
            {
                sb.Append(Secrets[s++ % Secrets.Length]);
                nextSecret += secretEvery;
            }
            sb.Append(Paragraphs[p++ % Paragraphs.Length]);
        }
        return sb.ToString(0, bytes);
    }
}
