using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Errors;

/// <summary>Turns the gateway's and providers' exceptions into OpenAI-shaped errors on every LLM route.</summary>
public sealed class GatewayErrorFilter(ILogger<GatewayErrorFilter> logger) : IEndpointFilter
{
    /// <summary>LiteLLM's (and nginx's) status for a client that went away.</summary>
    public const int ClientClosedRequest = 499;

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (GatewayException e) when (!http.Response.HasStarted)
        {
            foreach (var (name, value) in e.ResponseHeaders)
            {
                http.Response.Headers[name] = value;
            }

            return OpenAIError.Result(e.StatusCode, e.Message, e.ErrorType, e.Param);
        }
        catch (ProviderException e) when (!http.Response.HasStarted)
        {
            // The message is the provider's text, never a credential; the kind and status are what operators filter on.
            logger.LogWarning("{Method} {Path} failed upstream: {Kind} from {Provider} (upstream status {UpstreamStatus}): {Message}",
                http.Request.Method, http.Request.Path, e.Kind, e.Provider, e.UpstreamStatus, e.UpstreamMessage);
            return OpenAIError.Result(e.StatusCode, e.Message, e.ErrorType, e.Param);
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            return OpenAIError.Result(e.StatusCode, e.Message);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            if (!http.Response.HasStarted)
            {
                http.Response.StatusCode = ClientClosedRequest;
            }

            return Results.Empty;
        }
    }
}
