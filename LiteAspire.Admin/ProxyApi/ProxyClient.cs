using System.Net.Http.Headers;
using System.Text.Json;

namespace LiteAspire.Admin.ProxyApi;

/// <summary>Typed client for the proxy's API, addressed as <c>http://proxy</c> through service discovery.</summary>
public sealed class ProxyClient(HttpClient http, IConfiguration configuration)
{
    /// <summary>The address the client is built with; service discovery maps "proxy" to <c>services:proxy:http:0</c>.</summary>
    public const string ServiceBaseAddress = "http://proxy";

    /// <summary>The configuration key that holds the proxy's endpoint (env <c>services__proxy__http__0</c>).</summary>
    public const string EndpointConfigurationKey = "services:proxy:http:0";

    /// <summary>Asks <c>GET /health/readiness</c>; never throws for a down or misbehaving proxy, it says why instead.</summary>
    public async Task<ProxyStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var baseAddress = http.BaseAddress?.ToString().TrimEnd('/');
        try
        {
            using var response = await http.GetAsync(new Uri("/health/readiness", UriKind.Relative), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                return new ProxyStatus(false, baseAddress, status, null, $"The proxy answered {status}: {ErrorMessage(body)}");
            }

            var readiness = JsonSerializer.Deserialize<ProxyReadiness>(body);
            return readiness is null
                ? new ProxyStatus(false, baseAddress, status, null, "The proxy answered with an empty body.")
                : new ProxyStatus(true, baseAddress, status, readiness, null);
        }
        catch (JsonException)
        {
            return new ProxyStatus(false, baseAddress, null, null, "The proxy's answer is not readiness JSON.");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            // Connection refused, DNS failure, resilience timeouts and open circuits all mean the same to the page.
            return new ProxyStatus(false, baseAddress, null, null, $"{Describe(e)}{Hint()}");
        }
    }

    /// <summary>Adds the master key (when configured) as a bearer token to every request.</summary>
    internal static void Configure(HttpClient client, IConfiguration configuration)
    {
        client.BaseAddress = new Uri(ServiceBaseAddress);
        if (configuration["LITELLM_MASTER_KEY"] is { Length: > 0 } masterKey)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", masterKey);
        }
    }

    private string Hint() => string.IsNullOrWhiteSpace(configuration[EndpointConfigurationKey])
        ? " (No proxy endpoint is configured: set services__proxy__http__0 or PROXY_BASE_URL.)"
        : string.Empty;

    private static string Describe(Exception e)
    {
        var message = e.Message;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!message.Contains(inner.Message, StringComparison.Ordinal))
            {
                message = $"{message} {inner.Message}";
            }
        }

        return message;
    }

    // The proxy's errors are OpenAI-shaped; show the message, or the start of whatever else came back.
    private static string ErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out var message))
            {
                return message.ToString();
            }
        }
        catch (JsonException)
        {
        }

        return body.Length > 200 ? body[..200] : body;
    }
}
