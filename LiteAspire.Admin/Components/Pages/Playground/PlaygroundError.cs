using System.Text.Json;

namespace LiteAspire.Admin.Components.Pages.Playground;

/// <summary>A proxy refusal or failure in plain words, with the proxy's own message as detail.</summary>
/// <param name="Summary">What happened, for anyone.</param>
/// <param name="Detail">The proxy's message.</param>
public sealed record PlaygroundError(string Summary, string? Detail)
{
    /// <summary>Reads an OpenAI-shaped error body (<c>{"error": {"message", "type", "code"}}</c>) answered with <paramref name="status"/>.</summary>
    public static PlaygroundError From(int? status, string? body, string? model = null)
    {
        string? type = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                type = error.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                message = error.TryGetProperty("message", out var m) ? m.ToString() : null;
                if (status is null && error.TryGetProperty("code", out var c) && int.TryParse(c.ToString(), out var code))
                {
                    status = code;
                }
            }
        }
        catch (JsonException)
        {
            message = body is { Length: > 300 } ? body[..300] : body;
        }

        return new PlaygroundError(Summarize(status, type, message, model), message);
    }

    /// <summary>Why the proxy could not be reached.</summary>
    public static PlaygroundError Unreachable(string detail) => new("The proxy is unreachable: nothing was sent to the model.", detail);

    private static string Summarize(int? status, string? type, string? message, string? model)
    {
        var text = message ?? "";
        var theModel = model is null ? "this model" : $"the model {model}";
        return (status, type) switch
        {
            (_, "budget_exceeded") => "Budget exceeded: this key, its user, team or organization has spent its budget.",
            (_, "expired_key") => "This key has expired.",
            (_, "key_model_access_denied" or "team_model_access_denied" or "user_model_access_denied" or "org_model_access_denied")
                => $"Model not allowed: this key may not call {theModel}.",
            (401, _) when text.Contains("blocked", StringComparison.OrdinalIgnoreCase) => "This key is blocked.",
            (401, _) => "Invalid key: the proxy does not accept this key (unknown, expired or blocked).",
            (403, _) => "Not allowed: this key may not make this call.",
            (429, _) when text.Contains("No deployments available", StringComparison.Ordinal)
                => $"No deployment of {theModel} is available right now (all cooling down or at their limits); try again shortly.",
            (429, _) => "Rate limit reached: too many requests or tokens this minute; try again shortly.",
            (400, _) when text.Contains("Invalid model name", StringComparison.Ordinal) => $"Unknown model: the proxy has no {theModel}.",
            (400, _) => "The proxy refused the request as invalid.",
            (408, _) => "The model took too long to answer (timeout).",
            (404, _) => "Not found: the proxy or the provider does not know this model or route.",
            ( >= 500, _) => "The model's provider failed to answer.",
            _ => "The proxy could not answer.",
        };
    }
}
