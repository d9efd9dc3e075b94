namespace Palisade.Mcp.Protocol;

/// <summary>
/// The JSON-RPC error codes Palisade answers with, in -32090..-32099 (inside the range JSON-RPC leaves to
/// implementations). Part of the contract: clients and scripts match on them (docs/mcp.md).
/// </summary>
public static class PalisadeErrorCodes
{
    /// <summary>The engine or the MCP policy blocked the message.</summary>
    public const int Blocked = -32090;

    /// <summary>The message needs a person's approval, which the MCP proxy cannot ask for: it is stopped.</summary>
    public const int HeldForReview = -32091;

    /// <summary>The other peer sent a frame Palisade could not read (malformed, oversized, unknown id): fail closed.</summary>
    public const int FrameRejected = -32092;

    /// <summary>The MCP server exited, or its HTTP endpoint failed, before it answered.</summary>
    public const int ServerUnavailable = -32093;

    /// <summary>Standard JSON-RPC codes used for frames that are not JSON-RPC at all.</summary>
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
}
