using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Auth;

/// <summary>Authenticates every request of the group it is on and makes the caller available as <see cref="Caller"/>.</summary>
public sealed class ProxyAuthFilter(RequestAuthenticator authenticator) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var caller = await authenticator.AuthenticateAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        http.Features.Set(caller);
        return await next(context).ConfigureAwait(false);
    }
}

/// <summary>The authenticated caller of the current request.</summary>
public static class Caller
{
    /// <summary>The caller set by <see cref="ProxyAuthFilter"/>; a 401 when the route was not authenticated.</summary>
    public static ApiKeyAuth Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<ApiKeyAuth>()
            ?? throw new GatewayException(401, "Authentication Error, No api key passed in.", "auth_error", "None");
    }
}
