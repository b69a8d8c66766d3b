namespace LiteAspire.Proxy.AnthropicApi;

/// <summary>
/// A refusal by the chat pipeline with its HTTP status (bad key 401, unknown model 400, budget, rate limit 429...), thrown by
/// an <see cref="IOpenAIChatExecutor"/> so <c>/v1/messages</c> answers it in Anthropic's error shape.
/// </summary>
public sealed class OpenAIChatExecutionException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> is what the client sees.</summary>
    public OpenAIChatExecutionException(int statusCode, string message) : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>For analyzers; use the other constructor.</summary>
    public OpenAIChatExecutionException() : this(500, "Internal server error") { }

    /// <summary>For analyzers; use the other constructor.</summary>
    public OpenAIChatExecutionException(string message) : this(500, message) { }

    /// <summary>For analyzers; use the other constructor.</summary>
    public OpenAIChatExecutionException(string message, Exception innerException) : base(message, innerException)
    {
        StatusCode = 500;
    }

    /// <summary>The status the client gets.</summary>
    public int StatusCode { get; }
}
