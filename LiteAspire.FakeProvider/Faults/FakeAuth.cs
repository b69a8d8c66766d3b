using Microsoft.AspNetCore.Http;

namespace LiteAspire.FakeProvider.Faults;

/// <summary>The credential each provider insists on; any value passes (keys are never checked, only required), so no secret is ever needed.</summary>
internal static class FakeAuth
{
    /// <summary>Null when the request carries what the provider requires, else the status and provider-style reason.</summary>
    public static (int Status, string Message)? Check(HttpRequest request, FakeWire wire)
    {
        var headers = request.Headers;
        var authorization = headers.Authorization.ToString();
        var bearer = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        (int, string)? result = wire switch
        {
            FakeWire.Azure when !bearer && headers["api-key"].ToString().Length == 0 =>
                (401, "Access denied due to invalid subscription key or wrong API endpoint. Send an api-key header or a Bearer token."),
            FakeWire.Anthropic when !bearer && headers["x-api-key"].ToString().Length == 0 => (401, "x-api-key header is required"),
            FakeWire.Anthropic when headers["anthropic-version"].ToString().Length == 0 => (400, "anthropic-version: header is required"),
            FakeWire.Google when !bearer && headers["x-goog-api-key"].ToString().Length == 0 && request.Query["key"].ToString().Length == 0 =>
                (401, "Method doesn't allow unregistered callers. Please use an API key (x-goog-api-key or ?key=) or a Bearer token."),
            FakeWire.Bedrock when !bearer && !authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal) =>
                (403, "Missing Authentication Token: expected an AWS4-HMAC-SHA256 signature or a Bearer API key."),
            FakeWire.Cohere when !bearer => (401, "no api key supplied"),
            _ => null,
        };
        return result;
    }
}
