using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Replicas;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Auth.Jwt;

/// <summary>
/// Turns a JWT identity into the same <see cref="ApiKeyAuth"/> a virtual key of that team and user gets (built by
/// <see cref="DatabaseApiKeyStore.Build"/> from the team, membership, user and organization rows, with a key that has no
/// models, budget or limits of its own), so model access, budgets and rate limits apply unchanged. Found identities are
/// kept in memory for <c>user_api_key_cache_ttl</c>, and dropped on every replica when a team or organization changes
/// (<see cref="InvalidateAllAsync"/>), as keys are.
/// </summary>
public sealed class JwtIdentityStore(IServiceScopeFactory scopes, JwtAuthSettings settings, AuthSettings auth, TimeProvider time,
    ILogger<JwtIdentityStore> logger, IReplicaLink? replicas = null) : IDisposable
{
    /// <summary>The channel telling replicas to drop their JWT identities.</summary>
    public const string InvalidationChannel = "litellm:jwt:invalidate";

    private readonly ReplicaMemoryCache<ApiKeyAuth> _memory = new(InvalidationChannel, "JWT identity", auth.KeyCacheTtl, time, logger, replicas);

    /// <summary>The caller for <paramref name="identity"/>, or a 401 when its team, user or organization does not exist.</summary>
    public async ValueTask<ApiKeyAuth> GetAsync(JwtIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var token = identity.Token();
        if (_memory.TryGet(token, out var cached) && cached is not null)
        {
            return cached;
        }

        ApiKeyAuth found;
        try
        {
            found = await LoadAsync(identity, token, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException or InvalidOperationException { InnerException: System.Data.Common.DbException })
        {
            throw new GatewayException(401, "Authentication Error, All connection attempts failed", "no_db_connection", "None");
        }

        _memory.Set(token, found);
        return found;
    }

    /// <summary>Forgets every identity here and on every other replica: a team, organization or membership changed.</summary>
    public Task InvalidateAllAsync() => _memory.InvalidateAsync([ReplicaMemoryCache<ApiKeyAuth>.All]);

    /// <inheritdoc />
    public void Dispose() => _memory.Dispose();

    private async Task<ApiKeyAuth> LoadAsync(JwtIdentity identity, string token, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetService<LiteLLMDbContext>()
            ?? throw Unauthorized("JWT auth needs a database to look up teams and users (DATABASE_URL).");

        TeamTable? team = null;
        if (identity.TeamId is { } teamId)
        {
            team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.TeamId == teamId, cancellationToken).ConfigureAwait(false)
                ?? throw Unauthorized($"Team doesn't exist in db. Team={teamId}. Create team via `/team/new` call.");
        }

        UserTable? user = null;
        if (identity.UserId is { } userId)
        {
            user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserId == userId, cancellationToken).ConfigureAwait(false)
                ?? await UpsertUserAsync(db, identity, cancellationToken).ConfigureAwait(false);
        }

        var membership = team is null || user is null ? null
            : await db.TeamMemberships.AsNoTracking().Include(m => m.Budget)
                .FirstOrDefaultAsync(m => m.TeamId == team.TeamId && m.UserId == user.UserId, cancellationToken).ConfigureAwait(false);
        var organizationId = identity.OrganizationId ?? team?.OrganizationId;
        OrganizationTable? organization = null;
        if (organizationId is not null)
        {
            organization = await db.Organizations.AsNoTracking().Include(o => o.Budget)
                .FirstOrDefaultAsync(o => o.OrganizationId == organizationId, cancellationToken).ConfigureAwait(false)
                ?? throw Unauthorized($"Organization doesn't exist in db. Organization={organizationId}.");
        }

        // A key row that exists only here: the identity's ids and nothing of its own, so the team's and user's rules decide.
        var key = new VerificationToken { Token = token, TeamId = team?.TeamId, UserId = user?.UserId, OrganizationId = organizationId };
        var caller = DatabaseApiKeyStore.Build(key, null, user, team, membership, organization);
        return caller with { UserRole = user?.UserRole ?? (team is null ? null : LiteLLMRoles.Team) };
    }

    private async Task<UserTable> UpsertUserAsync(LiteLLMDbContext db, JwtIdentity identity, CancellationToken cancellationToken)
    {
        if (!settings.UserIdUpsert)
        {
            throw Unauthorized($"User doesn't exist in db. 'user_id'={identity.UserId}. Create user via `/user/new` call, or set user_id_upsert.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var user = new UserTable
        {
            UserId = identity.UserId!,
            UserEmail = identity.UserEmail,
            UserRole = LiteLLMRoles.InternalUser,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another replica or request created it first.
            db.ChangeTracker.Clear();
            return await db.Users.AsNoTracking().FirstAsync(u => u.UserId == user.UserId, cancellationToken).ConfigureAwait(false);
        }

        return user;
    }

    private static GatewayException Unauthorized(string reason) => new(401, "Authentication Error, " + reason, "auth_error", "None");

}
