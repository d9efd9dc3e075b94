using Palisade.Gateway.Enforcement;
using Palisade.Gateway.Hosting;

namespace Palisade.Gateway.Llm.Requests;

/// <summary>
/// How the prompt itself (system prompt and messages) is judged: every rule as configured, except that an injection score
/// is recorded and never blocks or holds. The prompt is the user's and the agent harness's own text — Claude Code sends
/// "IMPORTANT: These instructions OVERRIDE any default behavior" in every request — and injection is a threat where
/// text comes from elsewhere: tool results and tool definitions, which keep the configured thresholds.
/// </summary>
public static class PromptEnforcement
{
    public static EnforcementPoint Create(GatewayContext context)
    {
        var config = context.Config with
        {
            Injection = context.Config.Injection with { Review = double.PositiveInfinity, Block = double.PositiveInfinity },
        };
        // The same compiled rules and evidence redactor: a finding's hash is the same whichever policy judged it, and the
        // host's warm-up (keyword automata, hot rules on the linear-time engine) serves prompts too.
        var engine = context.Engine.WithPolicy(config);
        return new EnforcementPoint(engine, context.Audit, context.Approvals, context.Time);
    }
}
