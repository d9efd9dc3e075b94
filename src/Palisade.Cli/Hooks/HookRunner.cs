using System.Text.Json;
using Palisade.Core.Audit;
using Palisade.Core.Config;
using Palisade.Core.Engine;
using Palisade.Core.Model;
using Palisade.Core.Policy;

namespace Palisade.Cli.Hooks;

/// <summary>
/// One hook call: read the agent's JSON, judge it with the engine in this process, record the verdict, answer in
/// the agent's dialect. Whatever stops it from judging (unreadable input, a bad configuration, an audit log it
/// cannot write, an internal error, running out of time) answers as a block: a hook must never fail open.
/// </summary>
public sealed class HookRunner(IHookProtocol protocol, Func<PalisadeEngine> createEngine, IHookRecorder recorder, TimeProvider time, TimeSpan? deadline = null)
{
    /// <summary>The most input read; an agent sending more is refused rather than judged on a part.</summary>
    public const int MaxInputChars = 32 * 1024 * 1024;

    /// <summary>How long a whole hook call (reading, building, judging, recording) may take before it answers deny; well under the timeout setup gives the agent.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);

    private TimeSpan Deadline { get; } = deadline ?? DefaultDeadline;

    public HookAnswer Run(TextReader input) => Run(() => ReadBounded(input));

    /// <summary>Runs one hook call whose input <paramref name="readInput"/> supplies (it may throw; that answers as a block).</summary>
    public HookAnswer Run(Func<string> readInput)
    {
        string? eventName = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan Left() => Deadline - clock.Elapsed > TimeSpan.Zero ? Deadline - clock.Elapsed : TimeSpan.Zero;
        // The engine (rule catalog, compiled rules) is most of a hook's cost: build it on another core while this
        // one reads and parses the input and opens the flight recorder.
        var building = Task.Run(createEngine);
        var opening = Task.Run(recorder.Open);
        try
        {
            // An agent that never closes stdin must not hold the hook past its own timeout, which the agent treats as "go on".
            var text = Within(Task.Run(readInput), Left(), "reading the hook input");
            using var doc = ParseInput(text);
            eventName = HookJson.Optional(doc.RootElement, "hook_event_name");
            var request = protocol.Read(doc.RootElement);
            if (request.Actions.Count == 0) return Unjudged(request, building, Left());

            var engine = Within(building, Left(), "building the engine");
            var (action, verdict) = JudgeWithin(engine, request.Actions, Left());
            var eventId = AuditEvent.NewId(time);
            try
            {
                Within(opening, Left(), "opening the audit log");
                recorder.Record(AuditEvent.ForVerdict("hook", action, verdict, eventId, Extra(request.Event, request.Subject)), checkpoint: false);
            }
            catch (Exception e) when (e is AuditException or IOException or UnauthorizedAccessException)
            {
                // An action that cannot be recorded is not let through, as for any other surface in enforce; monitor
                // never stops anything, so it answers the verdict and says what went wrong.
                if (engine.Config.Mode != PolicyMode.Monitor) return protocol.FailClosed(eventName, $"the audit log could not be written: {e.Message}");
                return protocol.Answer(request, verdict, eventId) with { Stderr = $"palisade: the audit log could not be written: {e.Message}" };
            }
            return protocol.Answer(request, verdict, eventId);
        }
        catch (HookInputException e) { return Fail(eventName, "hook-input-unreadable", e.Message); }
        catch (ConfigException e) { return Fail(eventName, "hook-config-invalid", $"the configuration is invalid: {e.Message}"); }
        catch (TimeoutException e) { return Fail(eventName, "hook-timeout", e.Message); }
        catch (Exception e) { return Fail(eventName, "hook-error", $"internal error ({e.GetType().Name})"); }
    }

    /// <summary>
    /// An event with nothing to judge. A session start checks the configuration (so a broken one is reported when the
    /// session opens, not at the first tool call) and signs the records left unsigned by the sessions before it.
    /// </summary>
    private HookAnswer Unjudged(HookRequest request, Task<PalisadeEngine> building, TimeSpan left)
    {
        if (request.Event is not ("SessionStart" or "sessionStart")) return protocol.Answer(request, Verdict.Allow, "");
        Within(building, left, "building the engine");
        try
        {
            recorder.Record(AuditEvent.Start("hook", AuditEvent.NewId(time), Extra(request.Event, null)), checkpoint: true);
        }
        catch (Exception e) when (e is AuditException or IOException or UnauthorizedAccessException)
        {
            return protocol.FailClosed(request.Event, $"the audit log could not be written: {e.Message}");
        }
        return HookAnswer.NoDecision;
    }

    /// <summary>The task's result, its own exception if it failed, or a timeout once <paramref name="deadline"/> has passed.</summary>
    private static T Within<T>(Task<T> task, TimeSpan deadline, string what)
    {
        Within((Task)task, deadline, what);
        return task.Result;
    }

    private static void Within(Task task, TimeSpan deadline, string what)
    {
        // Waiting on the handle, not Task.Wait, so a failed task rethrows its own exception (ConfigException, ...) below.
        if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(deadline)) throw new TimeoutException($"{what} ran past the hook's deadline");
        task.GetAwaiter().GetResult();
    }

    /// <summary>Every action is judged; the most restrictive verdict answers (the first, among equals).</summary>
    private static (AgentAction, Verdict) JudgeWithin(PalisadeEngine engine, IReadOnlyList<AgentAction> actions, TimeSpan deadline)
    {
        var judging = Task.Run(() =>
        {
            (AgentAction Action, Verdict Verdict) worst = (actions[0], engine.Evaluate(actions[0]));
            for (var i = 1; i < actions.Count; i++)
            {
                var verdict = engine.Evaluate(actions[i]);
                if (verdict.Decision > worst.Verdict.Decision) worst = (actions[i], verdict);
            }
            return worst;
        });
        return Within(judging, deadline, "judging");
    }

    private HookAnswer Fail(string? eventName, string rule, string reason)
    {
        // The refusal is recorded like any verdict; if even that fails, the block still stands.
        try
        {
            recorder.Record(new AuditEvent
            {
                Type = AuditRecordType.Verdict, EventId = AuditEvent.NewId(time), Surface = "hook", Transport = "hook", Agent = protocol.Agent,
                Decision = "block", WouldDecide = "block", Rule = rule, Reason = reason, Extra = Extra(eventName ?? "unknown", null),
            }, checkpoint: false);
        }
        catch (Exception)
        {
            // Nothing more to do: the answer below blocks whether or not the refusal was recorded.
        }
        return protocol.FailClosed(eventName, reason);
    }

    private Dictionary<string, string> Extra(string eventName, string? subject)
    {
        var extra = new Dictionary<string, string>(StringComparer.Ordinal) { ["agent"] = protocol.Agent, ["hook_event"] = eventName };
        if (subject is not null) extra["tool"] = subject;
        return extra;
    }

    /// <summary>All of <paramref name="input"/>, refused past <see cref="MaxInputChars"/>.</summary>
    public static string ReadBounded(TextReader input)
    {
        var text = new System.Text.StringBuilder();
        var chunk = new char[16 * 1024];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            text.Append(chunk, 0, read);
            if (text.Length > MaxInputChars) throw new HookInputException($"the hook input is larger than {MaxInputChars / (1024 * 1024)} MiB");
        }
        return text.ToString();
    }

    private static JsonDocument ParseInput(string text)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            // Only the position: the parser's message quotes the input, which may hold the very secret being caught.
            throw new HookInputException($"the hook input is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})");
        }
    }
}
