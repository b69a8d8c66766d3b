using System.Security.Cryptography;
using System.Text;

namespace LiteAspire.Proxy.Auth.Jwt;

/// <summary>Who a validated token says the caller is, read from the claims <c>litellm_jwtauth</c> names.</summary>
/// <param name="TeamId">The team (<c>team_id_jwt_field</c>, else <c>team_id_default</c>).</param>
/// <param name="UserId">The user (<c>user_id_jwt_field</c>).</param>
/// <param name="UserEmail">The user's email (<c>user_email_jwt_field</c>).</param>
/// <param name="OrganizationId">The organization (<c>org_id_jwt_field</c>).</param>
public sealed record JwtIdentity(string? TeamId, string? UserId, string? UserEmail, string? OrganizationId)
{
    /// <summary>
    /// The caller's stable token: <c>hashed-jwt-</c> (LiteLLM's prefix for JWT callers in spend logs) and the SHA-256 of the
    /// team, user and organization, not of the token itself as LiteLLM does, so that every token of one identity shares
    /// spend-log rows and per-key counters across token refreshes.
    /// </summary>
    public string Token()
    {
        var text = $"team:{TeamId}\nuser:{UserId}\norg:{OrganizationId}";
        return "hashed-jwt-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
