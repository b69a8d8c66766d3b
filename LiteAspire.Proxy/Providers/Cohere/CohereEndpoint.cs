using System.Net.Http.Headers;
using LiteAspire.Proxy.Providers.Bedrock;

namespace LiteAspire.Proxy.Providers.Cohere;

/// <summary>Cohere's URLs and bearer key (<c>api_key</c>, else <c>COHERE_API_KEY</c>, else <c>CO_API_KEY</c>).</summary>
public static class CohereEndpoint
{
    /// <summary>Cohere's public API host.</summary>
    public const string DefaultBase = "https://api.cohere.com";

    private const string Provider = "cohere";

    /// <summary><c>{api_base or https://api.cohere.com}{path}</c>; an api_base that already ends with the path is used as is.</summary>
    public static Uri For(ResolvedDeployment deployment, string path)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(path);
        var baseUrl = (string.IsNullOrWhiteSpace(deployment.ApiBase) ? DefaultBase : deployment.ApiBase).TrimEnd('/');
        return new Uri(baseUrl.EndsWith(path, StringComparison.Ordinal) ? baseUrl : baseUrl + path);
    }

    /// <summary>A POST of <paramref name="body"/> to <paramref name="path"/> with the Cohere key.</summary>
    public static HttpRequestMessage Post(ResolvedDeployment deployment, string path, byte[] body, bool stream)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var key = Key(deployment);
        var request = new HttpRequestMessage(HttpMethod.Post, For(deployment, path)) { Content = ChatRequestParts.JsonContent(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.Accept.ParseAdd(stream ? "text/event-stream" : "application/json");
        return request;
    }

    private static string Key(ResolvedDeployment deployment)
    {
        foreach (var candidate in (ReadOnlySpan<string?>)[deployment.ApiKey, Environment.GetEnvironmentVariable("COHERE_API_KEY"), Environment.GetEnvironmentVariable("CO_API_KEY")])
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return candidate;
            }
        }

        throw new ProviderException(LiteLLMErrorKind.AuthenticationError, Provider,
            "No Cohere API key: set api_key, COHERE_API_KEY or CO_API_KEY.", 401);
    }
}
