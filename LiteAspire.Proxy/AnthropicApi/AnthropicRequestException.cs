namespace LiteAspire.Proxy.AnthropicApi;

/// <summary>A <c>/v1/messages</c> body that cannot be translated: answered with a 400 <c>invalid_request_error</c>.</summary>
public sealed class AnthropicRequestException : Exception
{
    /// <summary>Creates the exception with the message the client sees.</summary>
    public AnthropicRequestException(string message) : base(message) { }

    /// <summary>For analyzers.</summary>
    public AnthropicRequestException() : base("Invalid request") { }

    /// <summary>For analyzers.</summary>
    public AnthropicRequestException(string message, Exception innerException) : base(message, innerException) { }
}
