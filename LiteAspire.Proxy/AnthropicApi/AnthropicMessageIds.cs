namespace LiteAspire.Proxy.AnthropicApi;

/// <summary>Anthropic-style ids (<c>msg_...</c>) for answers whose provider used another scheme.</summary>
public static class AnthropicMessageIds
{
    /// <summary>The id as is when it already starts with <c>msg_</c>, else <c>msg_</c> + the id without its <c>chatcmpl-</c> prefix.</summary>
    public static string From(string? completionId)
    {
        if (string.IsNullOrEmpty(completionId))
        {
            return "msg_" + Guid.NewGuid().ToString("N");
        }

        if (completionId.StartsWith("msg_", StringComparison.Ordinal))
        {
            return completionId;
        }

        return "msg_" + (completionId.StartsWith("chatcmpl-", StringComparison.Ordinal) ? completionId["chatcmpl-".Length..] : completionId);
    }
}
