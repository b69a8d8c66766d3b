using System.Security.Cryptography;
using System.Text;

using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Auth;

/// <summary>
/// Requires the master key on LLM routes when one is configured (no key configured: open, as in LiteLLM). Virtual keys come
/// later; this is the one place they will plug in.
/// </summary>
public sealed class MasterKeyAuthFilter : IEndpointFilter
{
    private readonly byte[]? _expectedHash;

    /// <summary>Keeps only the key's hash, compared in constant time.</summary>
    public MasterKeyAuthFilter(MasterKey masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        _expectedHash = masterKey.Value is { } value ? SHA256.HashData(Encoding.UTF8.GetBytes(value)) : null;
    }

    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        Authenticate(context.HttpContext.Request);
        return next(context);
    }

    /// <summary>Throws a 401 <see cref="GatewayException"/> unless the request carries the master key (or none is configured).</summary>
    public void Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_expectedHash is null)
        {
            return;
        }

        var presented = ApiKeyHeaders.Find(request.Headers)
            ?? throw new GatewayException(401, "Authentication Error, No api key passed in.", "auth_error", "None");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        if (!CryptographicOperations.FixedTimeEquals(hash, _expectedHash))
        {
            throw new GatewayException(401,
                $"Authentication Error, Invalid proxy server token passed. Received API Key = {ApiKeyHeaders.Mask(presented)}, "
                + $"Key Hash (Token) = {Convert.ToHexStringLower(hash)}. Unable to find token in cache or LiteLLM_VerificationTokenTable",
                "auth_error", "None");
        }
    }
}
