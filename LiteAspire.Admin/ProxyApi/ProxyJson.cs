using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiteAspire.Admin.ProxyApi;

/// <summary>JSON as the proxy's management API writes it: LiteLLM's snake_case names.</summary>
public static class ProxyJson
{
    /// <summary>Snake_case names; nulls left out of request bodies so the proxy applies its defaults.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>The <c>error.message</c> of an OpenAI-shaped error body (LiteLLM's <c>detail</c> too), else the body's start.</summary>
    public static string ErrorMessage(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                    && error.TryGetProperty("message", out var message))
                {
                    return message.ToString();
                }

                if (root.TryGetProperty("detail", out var detail))
                {
                    return detail.ToString();
                }
            }
        }
        catch (JsonException)
        {
        }

        return body.Length > 200 ? body[..200] : body;
    }
}
