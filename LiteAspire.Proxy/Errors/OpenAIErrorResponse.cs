using System.Text.Json.Serialization;

namespace LiteAspire.Proxy.Errors;

/// <summary>The OpenAI error envelope every gateway error uses: <c>{"error": {...}}</c>.</summary>
public sealed record OpenAIErrorResponse([property: JsonPropertyName("error")] OpenAIErrorBody Error);

/// <summary>The error itself; <see cref="Code"/> is the HTTP status as a string, as LiteLLM sends it.</summary>
public sealed record OpenAIErrorBody(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("param")] string? Param,
    [property: JsonPropertyName("code")] string Code);
