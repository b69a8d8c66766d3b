namespace LiteAspire.Proxy.Errors;

/// <summary>A request the gateway itself refuses (bad input, unknown model, auth): becomes an OpenAI-shaped error with its status.</summary>
public class GatewayException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GatewayException(int statusCode, string message, string? type = null, string? param = null)
        : this(statusCode, message, type, param, null)
    {
    }

    /// <summary>For analyzers; use the other constructor.</summary>
    public GatewayException() : this(400, "Bad request") { }

    /// <summary>For analyzers; use the other constructor.</summary>
    public GatewayException(string message) : this(400, message) { }

    /// <summary>For analyzers; use the other constructor.</summary>
    public GatewayException(string message, Exception innerException) : this(400, message, null, null, innerException) { }

    /// <summary>Creates the exception with the failure that caused it.</summary>
    protected GatewayException(int statusCode, string message, string? type, string? param, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorType = type ?? OpenAIError.DefaultType(statusCode);
        Param = param;
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The OpenAI error <c>type</c>.</summary>
    public string ErrorType { get; }

    /// <summary>The request field at fault, when known.</summary>
    public string? Param { get; }

    /// <summary>Headers the error response carries besides the body (e.g. <c>retry-after</c> on a 429).</summary>
    public virtual IEnumerable<KeyValuePair<string, string>> ResponseHeaders => [];

    /// <summary>LiteLLM's unknown-model error.</summary>
    public static GatewayException InvalidModel(string? model) => new(400,
        $"Invalid model name passed in model={model ?? "None"}. Call /v1/models to view available models for your key.",
        "invalid_request_error", "model");
}
