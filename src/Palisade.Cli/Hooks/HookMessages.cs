using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Palisade.Core.Model;

namespace Palisade.Cli.Hooks;

/// <summary>The words and JSON Palisade answers hooks with, shared by every agent's dialect.</summary>
public static class HookMessages
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The reason a person (and the model) reads: the verdict's own sentence, which never holds caught content, and the audit id.</summary>
    public static string Reason(Verdict verdict, string eventId) => $"Palisade: {verdict.Reason} (audit event {eventId})";

    public static string FailClosedReason(string reason) =>
        $"Palisade could not judge this ({reason.TrimEnd('.')}), so it is blocked to be safe; see 'Troubleshooting' in docs/hooks.md.";

    /// <summary>One line of compact JSON.</summary>
    public static string Json(Action<Utf8JsonWriter> write)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options)) write(w);
        return Encoding.UTF8.GetString(ms.ToArray());
    }
}
