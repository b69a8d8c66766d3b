using System.Net.Sockets;

using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>
/// Sends upstream requests on the one pooled client, with the deployment's timeout, and classifies transport failures:
/// a timeout is LiteLLM's 408 Timeout, an unreachable host a 500 APIConnectionError, a vanished client a cancellation.
/// </summary>
public sealed class UpstreamHttp(IHttpClientFactory factory)
{
    /// <summary>The named client provider calls use when the host may be a service name (service discovery on).</summary>
    public const string ClientName = "litellm-upstream";

    /// <summary>The same client without service discovery, for hosts that cannot be a service name.</summary>
    public const string DirectClientName = "litellm-upstream-direct";

    /// <summary>
    /// Sends <paramref name="request"/> and returns once the response headers are in (the body is read later, streamed).
    /// <paramref name="timeout"/> is cancelled by the caller once the response is fully read (or left running for a stream).
    /// </summary>
    /// <exception cref="ProviderException">Timeout (408) or connection failure (500).</exception>
    /// <exception cref="OperationCanceledException">The client went away.</exception>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string provider, UpstreamTimeout timeout)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(timeout);
        var client = factory.CreateClient(NeedsServiceDiscovery(request.RequestUri) ? ClientName : DirectClientName);
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (Classify(e, provider, timeout) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>
    /// True when service discovery could resolve <paramref name="uri"/>'s host: a single-label name (<c>http://ollama</c>, as
    /// Aspire's <c>services__ollama__http__0</c> defines it) or a <c>https+http://</c> scheme. IP addresses, <c>localhost</c>
    /// and dotted DNS names go to the host as written, which is what service discovery would do with them too.
    /// </summary>
    public static bool NeedsServiceDiscovery(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return true;
        }

        if (uri.Scheme.Contains('+', StringComparison.Ordinal))
        {
            return true;
        }

        return uri.HostNameType == UriHostNameType.Dns && !uri.IsLoopback && !uri.IdnHost.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>How long the provider asks to wait: <c>retry-after-ms</c>, else <c>retry-after</c> (seconds or an HTTP date); null when it does not say.</summary>
    public static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Headers.TryGetValues("retry-after-ms", out var milliseconds)
            && double.TryParse(milliseconds.FirstOrDefault(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
    }

    /// <summary>The LiteLLM exception for a transport failure while sending or reading, or null for a client disconnect or a non-transport error.</summary>
    public static ProviderException? Classify(Exception exception, string provider, UpstreamTimeout timeout)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(timeout);
        if (exception is OperationCanceledException)
        {
            return timeout.TimedOut
                ? new ProviderException(LiteLLMErrorKind.Timeout, provider,
                    $"Request timed out after {timeout.Duration.TotalSeconds:0.###} seconds.", 408)
                : null;
        }

        if (exception is HttpRequestException or IOException or SocketException)
        {
            // The exception text names host and port, never credentials.
            var detail = exception is HttpRequestException { HttpRequestError: var kind } && kind != HttpRequestError.Unknown
                ? $"{kind}: {exception.Message}"
                : exception.Message;
            return new ProviderException(LiteLLMErrorKind.APIConnectionError, provider, $"Connection error: {detail}", null);
        }

        return null;
    }
}

/// <summary>One call's deadline, linked to the client's disconnect; knows whether it fired on its own.</summary>
public sealed class UpstreamTimeout : IDisposable
{
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenSource _linked;

    /// <summary>Starts the deadline now.</summary>
    public UpstreamTimeout(TimeSpan duration, CancellationToken clientAborted)
    {
        Duration = duration;
        _deadline = new CancellationTokenSource(duration);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_deadline.Token, clientAborted);
    }

    /// <summary>The timeout.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Cancelled by the deadline or by the client going away.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>True when the deadline (not the client) cancelled.</summary>
    public bool TimedOut => _deadline.IsCancellationRequested;

    /// <summary>Starts the deadline again from now: a stream's next chunk must come within <see cref="Duration"/> of the last.</summary>
    public void Rearm()
    {
        if (!_deadline.IsCancellationRequested)
        {
            _deadline.CancelAfter(Duration);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _linked.Dispose();
        _deadline.Dispose();
    }
}
