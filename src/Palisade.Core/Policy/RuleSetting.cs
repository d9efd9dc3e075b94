using Palisade.Core.Model;

namespace Palisade.Core.Policy;

/// <summary>What configuration says about one rule: switched on or off, and the action it asks for.</summary>
public sealed record RuleSetting(bool? Enabled, Decision? Action);
