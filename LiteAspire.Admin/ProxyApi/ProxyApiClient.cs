using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace LiteAspire.Admin.ProxyApi;

/// <summary>
/// The proxy's management and spend API, called as the signed-in operator (<see cref="OperatorKey"/>) through
/// <c>http://proxy</c>. Failures become <see cref="ProxyApiException"/> with the proxy's own message.
/// </summary>
public sealed class ProxyApiClient(HttpClient http, OperatorKey operatorKey)
{
    /// <summary>GET, read as <typeparamref name="T"/>.</summary>
    public async Task<T> GetAsync<T>(string pathAndQuery, CancellationToken cancellationToken = default)
    {
        using var request = await RequestAsync(HttpMethod.Get, pathAndQuery, null).ConfigureAwait(false);
        return await SendAsync<T>(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POST a JSON body, read the answer as <typeparamref name="T"/>.</summary>
    public async Task<T> PostAsync<T>(string path, object body, CancellationToken cancellationToken = default)
    {
        using var request = await RequestAsync(HttpMethod.Post, path, body).ConfigureAwait(false);
        return await SendAsync<T>(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a JSON body with any method, read the answer as <typeparamref name="T"/>.</summary>
    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken = default)
    {
        using var request = await RequestAsync(method, path, body).ConfigureAwait(false);
        return await SendAsync<T>(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A request carrying the operator's key, for callers that read the response themselves (streams).</summary>
    public async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string pathAndQuery, object? body, string? key = null)
    {
        var request = new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.Relative));
        key ??= await operatorKey.GetAsync().ConfigureAwait(false)
            ?? throw new ProxyApiException(401, "You are signed out: sign in again.");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ProxyJson.Options);
        }

        return request;
    }

    /// <summary>Sends <paramref name="request"/> and returns the open response; a non-2xx answer throws with its message.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or TimeoutException
            or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException)
        {
            throw new ProxyApiException(null, $"The proxy at {http.BaseAddress} is unreachable: {e.Message}", e);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                throw new ProxyApiException(status, $"The proxy answered {status}: {ProxyJson.ErrorMessage(text)}");
            }
        }

        return response;
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ProxyJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new ProxyApiException((int)response.StatusCode, "The proxy answered with an empty body.");
        }
        catch (JsonException e)
        {
            throw new ProxyApiException((int)response.StatusCode, $"The proxy's answer to {request.RequestUri} was not what the dashboard expects: {e.Message}", e);
        }
    }
}
