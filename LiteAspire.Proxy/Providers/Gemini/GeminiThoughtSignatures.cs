namespace LiteAspire.Proxy.Providers.Gemini;

/// <summary>
/// Gemini 3 returns a <c>thoughtSignature</c> with each function call and rejects a later turn whose function calls lack it.
/// OpenAI clients only echo the tool-call id back, so (as LiteLLM does) the signature travels inside the id:
/// <c>call_&lt;random&gt;__thought__&lt;signature&gt;</c>.
/// </summary>
public static class GeminiThoughtSignatures
{
    /// <summary>The separator LiteLLM uses between the call id and the signature.</summary>
    public const string Separator = "__thought__";

    /// <summary>The tool-call id carrying <paramref name="signature"/>.</summary>
    public static string Encode(string toolCallId, string signature) => toolCallId + Separator + signature;

    /// <summary>The signature inside a tool-call id, or null.</summary>
    public static string? Decode(string? toolCallId)
    {
        if (toolCallId is null)
        {
            return null;
        }

        var at = toolCallId.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? null : toolCallId[(at + Separator.Length)..];
    }
}
