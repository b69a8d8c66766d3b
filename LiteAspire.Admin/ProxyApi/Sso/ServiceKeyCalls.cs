using System.Net.Http.Json;
using System.Text.Json;

namespace LiteAspire.Admin.ProxyApi.Sso;

/// <summary>
/// Proxy calls made before anyone is signed in: with the dashboard's service key (<c>LITELLM_MASTER_KEY</c>), or with a key
/// given explicitly. Failures throw <see cref="ProxyApiException"/> like every proxy call.
/// </summary>
public sealed class ServiceKeyCalls(ProxyApiClient proxy, IConfiguration configuration)
{
    /// <summary>True when the dashboard has a service key.</summary>
    public bool HasServiceKey => OperatorKey.ServiceKey(configuration) is not null;

    /// <summary>GET with the service key.</summary>
    public Task<T> GetAsync<T>(string pathAndQuery, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, pathAndQuery, null, ServiceKey(), cancellationToken);

    /// <summary>POST a JSON body with the service key.</summary>
    public Task<T> PostAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Post, path, body, ServiceKey(), cancellationToken);

    /// <summary>Sends with <paramref name="key"/>, reading the answer as <typeparamref name="T"/>.</summary>
    public async Task<T> SendAsync<T>(HttpMethod method, string pathAndQuery, object? body, string key, CancellationToken cancellationToken)
    {
        using var request = await proxy.RequestAsync(method, pathAndQuery, body, key).ConfigureAwait(false);
        using var response = await proxy.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ProxyJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new ProxyApiException((int)response.StatusCode, "The proxy answered with an empty body.");
        }
        catch (JsonException e)
        {
            throw new ProxyApiException((int)response.StatusCode, $"The proxy's answer to {pathAndQuery} was not what the dashboard expects: {e.Message}", e);
        }
    }

    private string ServiceKey() => OperatorKey.ServiceKey(configuration)
        ?? throw new ProxyApiException(null, "The dashboard has no service key: set LITELLM_MASTER_KEY.");
}
