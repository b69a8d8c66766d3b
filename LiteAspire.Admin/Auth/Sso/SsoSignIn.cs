using System.Security.Claims;
using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.ProxyApi.Sso;

namespace LiteAspire.Admin.Auth.Sso;

/// <summary>What a single sign-on came to: the dashboard's principal and when its session ends, or a <see cref="SsoFailure"/> code.</summary>
/// <param name="Principal">The cookie's principal, carrying the UI session key.</param>
/// <param name="ExpiresUtc">When the session key (and so the cookie) ends.</param>
/// <param name="Failure">Why nobody was signed in.</param>
public sealed record SsoSignInResult(ClaimsPrincipal? Principal, DateTimeOffset? ExpiresUtc, string? Failure);

/// <summary>
/// Turns a validated single sign-on account into a dashboard session, as LiteLLM's UI does: find the LiteLLM user, check their
/// role, and make a short-lived UI session key of theirs that every proxy call of the session is made with.
/// </summary>
public sealed class SsoSignIn(SsoUserDirectory users, UiSessionKeys sessionKeys, ServiceKeyCalls proxy, TimeProvider time, ILogger<SsoSignIn> logger)
{
    /// <summary>How the cookie records this sign-in (<see cref="AdminClaims.Method"/>).</summary>
    public const string Method = "oidc";

    /// <summary>Signs in the account <paramref name="account"/> (the provider's claims, not mapped to .NET names).</summary>
    public async Task<SsoSignInResult> SignInAsync(ClaimsPrincipal account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var subject = account.FindFirst("sub")?.Value;
        if (string.IsNullOrEmpty(subject))
        {
            return Refused(SsoFailure.Failed, "the provider's token has no subject");
        }

        var email = account.FindFirst("email")?.Value;
        var emailVerified = !string.Equals(account.FindFirst("email_verified")?.Value, "false", StringComparison.OrdinalIgnoreCase);
        SsoUser user;
        GeneratedSessionKey session;
        try
        {
            var (found, failure) = await users.FindAsync(subject, email, emailVerified, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return Refused(failure!, "no single LiteLLM user matches the account");
            }

            user = found;
            if (!AdminRoles.SignInRoles.Contains(user.UserRole ?? string.Empty))
            {
                return Refused(SsoFailure.Role, $"user {user.UserId} has the role {user.UserRole ?? "none"}");
            }

            session = await sessionKeys.CreateAsync(user.UserId, AdminAuthentication.SessionLifetime, Method, cancellationToken).ConfigureAwait(false);
        }
        catch (ProxyApiException e)
        {
            return Refused(SsoFailure.Unavailable, e.Message);
        }

        // The proxy, not the user list, has the last word on what the key may do: the same check as a key sign-in.
        CallerIdentity identity;
        try
        {
            identity = await proxy.SendAsync<CallerIdentity>(HttpMethod.Get, "/auth/me", null, session.Key, cancellationToken).ConfigureAwait(false);
        }
        catch (ProxyApiException e)
        {
            await sessionKeys.DeleteAsync(session.Key, cancellationToken).ConfigureAwait(false);
            return Refused(SsoFailure.Unavailable, e.Message);
        }

        if (identity.UserId != user.UserId || !AdminRoles.SignInRoles.Contains(identity.UserRole ?? string.Empty))
        {
            await sessionKeys.DeleteAsync(session.Key, cancellationToken).ConfigureAwait(false);
            return Refused(SsoFailure.Role, $"the proxy says the session key is {identity.UserId} with the role {identity.UserRole ?? "none"}");
        }

        var expires = time.GetUtcNow() + AdminAuthentication.SessionLifetime;
        if (session.Expires is { } keyExpires && keyExpires < expires)
        {
            expires = keyExpires;
        }

        logger.LogInformation("Single sign-on: user {UserId} signed in as {Role}.", user.UserId, identity.UserRole);
        var name = user.UserEmail is { Length: > 0 } shown ? shown : user.UserId;
        return new SsoSignInResult(KeySignIn.Principal(name, user.UserId, identity.UserRole!, Method, session.Key), expires, null);
    }

    private SsoSignInResult Refused(string failure, string reason)
    {
        logger.LogWarning("Single sign-on refused ({Failure}): {Reason}.", failure, reason);
        return new SsoSignInResult(null, null, failure);
    }
}
