using LiteAspire.Data;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Auth.Jwt;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>
/// The keys a team or organization change reaches, forgotten by every replica's key cache after the commit so the next
/// request sees the change (block, budget, models, membership) at once.
/// </summary>
internal static class AffectedKeys
{
    /// <summary>Tokens of the keys of <paramref name="teamIds"/>.</summary>
    public static Task<List<string>> OfTeamsAsync(LiteLLMDbContext db, IReadOnlyCollection<string> teamIds, CancellationToken cancellationToken) =>
        db.VerificationTokens.AsNoTracking().Where(k => k.TeamId != null && teamIds.Contains(k.TeamId))
            .Select(k => k.Token).ToListAsync(cancellationToken);

    /// <summary>Tokens of the keys of <paramref name="organizationIds"/>: their own keys and their teams' keys.</summary>
    public static async Task<List<string>> OfOrganizationsAsync(LiteLLMDbContext db, IReadOnlyCollection<string> organizationIds,
        CancellationToken cancellationToken)
    {
        var teamIds = await db.Teams.AsNoTracking().Where(t => t.OrganizationId != null && organizationIds.Contains(t.OrganizationId))
            .Select(t => t.TeamId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return await db.VerificationTokens.AsNoTracking()
            .Where(k => (k.OrganizationId != null && organizationIds.Contains(k.OrganizationId)) || (k.TeamId != null && teamIds.Contains(k.TeamId)))
            .Select(k => k.Token).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Drops <paramref name="tokens"/> from the key cache here, in Redis and on every other replica; with JWT auth on, every
    /// JWT identity too (they name teams and organizations, not keys, and reload from the database once).
    /// </summary>
    public static async Task InvalidateAsync(HttpContext context, IReadOnlyCollection<string> tokens)
    {
        if (tokens.Count > 0)
        {
            await context.RequestServices.GetRequiredService<ApiKeyCache>().InvalidateAsync(tokens).ConfigureAwait(false);
        }

        if (context.RequestServices.GetRequiredService<JwtAuthSettings>().Enabled)
        {
            await context.RequestServices.GetRequiredService<JwtIdentityStore>().InvalidateAllAsync().ConfigureAwait(false);
        }
    }
}
