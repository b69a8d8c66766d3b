using System.Net.Http.Headers;
using LiteAspire.Proxy.Providers.Bedrock;

namespace LiteAspire.Proxy.Providers.Ollama;

/// <summary>Ollama's URLs: api_base, else <c>OLLAMA_API_BASE</c>, else http://localhost:11434; a key only when one is configured.</summary>
public static class OllamaEndpoint
{
    /// <summary>Where a local Ollama listens.</summary>
    public const string DefaultBase = "http://localhost:11434";

    /// <summary>A POST of <paramref name="body"/> to <c>{base}{path}</c>.</summary>
    public static HttpRequestMessage Post(ResolvedDeployment deployment, string path, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var baseUrl = deployment.ApiBase;
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            baseUrl = Environment.GetEnvironmentVariable("OLLAMA_API_BASE");
        }

        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            baseUrl = DefaultBase;
        }

        baseUrl = baseUrl.TrimEnd('/');
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl.EndsWith(path, StringComparison.Ordinal) ? baseUrl : baseUrl + path))
        {
            Content = ChatRequestParts.JsonContent(body),
        };
        // Ollama itself has no auth; a key matters only behind an authenticating gateway or Ollama's hosted service.
        if (!string.IsNullOrWhiteSpace(deployment.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", deployment.ApiKey);
        }

        return request;
    }
}
