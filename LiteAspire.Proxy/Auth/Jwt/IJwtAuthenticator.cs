namespace LiteAspire.Proxy.Auth.Jwt;

/// <summary>
/// Validates a JWT bearer token and maps it to a caller. An interface of plain types so that
/// <see cref="RequestAuthenticator"/> can hold it without loading the token-validation libraries while JWT auth is off.
/// </summary>
public interface IJwtAuthenticator
{
    /// <summary>The caller <paramref name="token"/> stands for, or a 401 <see cref="Errors.GatewayException"/>.</summary>
    ValueTask<ApiKeyAuth> AuthenticateAsync(string token, CancellationToken cancellationToken);
}
