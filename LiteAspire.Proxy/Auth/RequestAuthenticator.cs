using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using LiteAspire.Proxy.Auth.Jwt;
using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Auth;

/// <summary>
/// LiteLLM's auth order: no master key configured → everyone is admin; the master key (compared in constant time) →
/// proxy admin; a JWT-shaped bearer, when <c>enable_jwt_auth</c> is set, goes to the <see cref="IJwtAuthenticator"/>;
/// otherwise the key's SHA-256 is looked up (memory, Redis, database) and refused when unknown, blocked, on a blocked team,
/// or expired.
/// </summary>
public sealed class RequestAuthenticator
{
    private readonly byte[]? _masterKeyHash;
    private readonly ApiKeyAuth _masterIdentity;
    private readonly ApiKeyCache _keys;
    private readonly TimeProvider _time;
    private readonly Lazy<IJwtAuthenticator>? _jwt;

    /// <summary>
    /// Creates the authenticator; <paramref name="jwt"/> is null while JWT auth is off, and created on the first JWT-shaped
    /// bearer otherwise, so the token-validation libraries are loaded only when used.
    /// </summary>
    public RequestAuthenticator(MasterKey masterKey, TimeProvider time, ApiKeyCache keys, Lazy<IJwtAuthenticator>? jwt = null)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        _masterKeyHash = masterKey.Value is { } value ? SHA256.HashData(Encoding.UTF8.GetBytes(value)) : null;
        _masterIdentity = ApiKeyAuth.MasterKey(_masterKeyHash is null ? "" : Convert.ToHexStringLower(_masterKeyHash));
        _keys = keys;
        _time = time;
        _jwt = jwt;
    }

    /// <summary>True when a master key is configured (otherwise every caller is the admin).</summary>
    public bool RequiresKey => _masterKeyHash is not null;

    /// <summary>The caller's identity, or a 401/400 <see cref="GatewayException"/> in LiteLLM's words.</summary>
    public async ValueTask<ApiKeyAuth> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_masterKeyHash is null)
        {
            return _masterIdentity;
        }

        var presented = ApiKeyHeaders.Find(request.Headers)
            ?? throw new GatewayException(401, "Authentication Error, No api key passed in.", "auth_error", "None");
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        if (CryptographicOperations.FixedTimeEquals(hash, _masterKeyHash))
        {
            return _masterIdentity;
        }

        if (_jwt is not null && JwtShape.LooksLikeJwt(presented))
        {
            var caller = await _jwt.Value.AuthenticateAsync(presented, cancellationToken).ConfigureAwait(false);
            Validate(caller);
            return caller;
        }

        var token = Convert.ToHexStringLower(hash);
        ApiKeyAuth? key;
        try
        {
            key = await _keys.GetAsync(token, cancellationToken).ConfigureAwait(false);
        }
        catch (DatabaseUnavailableException)
        {
            throw new GatewayException(401, "Authentication Error, All connection attempts failed", "no_db_connection", "None");
        }

        if (key is null)
        {
            throw new GatewayException(401,
                $"Authentication Error, Invalid proxy server token passed. Received API Key = {ApiKeyHeaders.Mask(presented)}, "
                + $"Key Hash (Token) = {token}. Unable to find token in cache or LiteLLM_VerificationTokenTable",
                "auth_error", "None");
        }

        Validate(key);
        RouteAccess.Check(key, request);
        return key;
    }

    /// <summary>Refuses a blocked key, a key of a blocked team, and an expired key.</summary>
    public void Validate(ApiKeyAuth key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Blocked)
        {
            throw new GatewayException(401, "Authentication Error, Key is blocked. Update via `/key/unblock` if you're admin.", "auth_error", "None");
        }

        if (key.Team is { Blocked: true } team)
        {
            throw new GatewayException(401,
                $"Authentication Error, Team={team.TeamId} is blocked. Update via `/team/unblock` if you're admin.", "auth_error", "None");
        }

        var now = _time.GetUtcNow().UtcDateTime;
        if (key.Expires is { } expires && expires <= now)
        {
            throw new GatewayException(400,
                string.Create(CultureInfo.InvariantCulture,
                    $"Authentication Error - Expired Key. Key Expiry time {expires:yyyy-MM-dd HH:mm:ss} and current time {now:yyyy-MM-dd HH:mm:ss}"),
                "expired_key", "None");
        }
    }
}
