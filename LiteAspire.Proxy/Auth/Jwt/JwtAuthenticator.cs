using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using LiteAspire.Proxy.Errors;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LiteAspire.Proxy.Auth.Jwt;

/// <summary>
/// LiteLLM's JWT auth: the signature is checked against the JWKS keys (asymmetric algorithms only), <c>exp</c>/<c>nbf</c>
/// with 30 s of clock skew, and <c>aud</c> when <c>JWT_AUDIENCE</c> is set. A token whose <c>scope</c> (or <c>scp</c>) holds
/// <c>admin_jwt_scope</c> is the proxy admin; any other maps to its team and user through <see cref="JwtIdentityStore"/>.
/// The token itself is never logged.
/// </summary>
public sealed class JwtAuthenticator(JwtAuthSettings settings, JwksCache keys, JwtIdentityStore identities) : IJwtAuthenticator, IDisposable
{
    /// <summary>How far <c>exp</c> and <c>nbf</c> may be off.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    // Symmetric (HS*) and "none" are refused: a public key must never be usable as an HMAC secret.
    private static readonly string[] s_algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>Disposes the key cache, which this authenticator owns (it is created with it, not registered on its own).</summary>
    public void Dispose() => keys.Dispose();

    /// <inheritdoc />
    public async ValueTask<ApiKeyAuth> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or JsonException)
        {
            throw Unauthorized("Validation fails: the bearer token is not a well-formed JWT.");
        }

        var signingKeys = await keys.GetAsync(string.IsNullOrEmpty(jwt.Kid) ? null : jwt.Kid, cancellationToken).ConfigureAwait(false);
        var result = await _handler.ValidateTokenAsync(jwt, Parameters(signingKeys)).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw result.Exception is SecurityTokenExpiredException
                ? Unauthorized("Token Expired")
                : Unauthorized($"Validation fails: {Reason(result.Exception)}");
        }

        // The validated payload read as plain JSON: claims are looked up by dotted path, as LiteLLM does.
        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.EncodedPayload));
        var claims = payload.RootElement;
        var userId = Claim(claims, settings.UserIdField);
        if (HasScope(claims, settings.AdminScope))
        {
            return ApiKeyAuth.MasterKey("hashed-jwt-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))) with { UserId = userId };
        }

        var identity = new JwtIdentity(Claim(claims, settings.TeamIdField) ?? settings.TeamIdDefault, userId,
            Claim(claims, settings.UserEmailField), Claim(claims, settings.OrgIdField));
        if (identity.TeamId is null && identity.UserId is null)
        {
            throw Unauthorized(
                $"The JWT maps to no team and no user, and has no '{settings.AdminScope}' scope. Set litellm_jwtauth.team_id_jwt_field, team_id_default or user_id_jwt_field.");
        }

        var caller = await identities.GetAsync(identity, cancellationToken).ConfigureAwait(false);
        // Per token, not per cached identity: tokens of one team may act for different customers.
        return Claim(claims, settings.EndUserIdField) is { } endUser ? caller with { EndUserId = endUser } : caller;
    }

    private TokenValidationParameters Parameters(IReadOnlyList<SecurityKey> signingKeys) => new()
    {
        IssuerSigningKeys = signingKeys,
        TryAllIssuerSigningKeys = true,
        ValidAlgorithms = s_algorithms,
        ValidateIssuer = false,
        ValidateAudience = settings.Audience is not null,
        ValidAudience = settings.Audience,
        ValidateLifetime = true,
        // LiteLLM (PyJWT) accepts a token without exp; one would be valid forever, so it is refused here.
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
    };

    // The exception's type, not its message: IdentityModel messages can quote the token's parts.
    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAudienceException => "invalid audience",
        SecurityTokenNotYetValidException => "token not yet valid (nbf)",
        SecurityTokenNoExpirationException => "token has no expiration (exp)",
        SecurityTokenInvalidAlgorithmException => "signing algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "signature verification failed",
        null => "invalid token",
        _ => exception.GetType().Name,
    };

    private static bool HasScope(JsonElement claims, string scope)
    {
        foreach (var name in (ReadOnlySpan<string>)["scope", "scp"])
        {
            if (!claims.TryGetProperty(name, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String
                && value.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal))
            {
                return true;
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && item.GetString() == scope)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    // LiteLLM reads claims by dotted path ("resource_access.litellm.team"); a list claim gives its first value.
    private static string? Claim(JsonElement claims, string? path)
    {
        if (string.IsNullOrEmpty(path) || claims.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string[] parts = claims.TryGetProperty(path, out var value) ? [path] : path.Split('.');
        if (parts.Length > 1 && !claims.TryGetProperty(parts[0], out value))
        {
            return null;
        }

        for (var i = 1; i < parts.Length; i++)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(parts[i], out value))
            {
                return null;
            }
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            value = value.GetArrayLength() > 0 ? value[0] : default;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static GatewayException Unauthorized(string reason) => new(401, "Authentication Error, " + reason, "auth_error", "None");
}
