namespace LiteAspire.Admin.ProxyApi.Choices;

/// <summary>A team as the key and user pages offer it (from <c>GET /team/list</c>, which lists the teams the operator may see).</summary>
public sealed record TeamChoice
{
    public required string TeamId { get; init; }

    public string? TeamAlias { get; init; }

    /// <summary>The team's models (empty: every model).</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    public IReadOnlyList<TeamChoiceMember> MembersWithRoles { get; init; } = [];

    /// <summary>What members (not admins) may do on their own keys of the team; empty means LiteLLM's default.</summary>
    public IReadOnlyList<string> TeamMemberPermissions { get; init; } = [];

    /// <summary>What the pages show: the alias, else the id.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(TeamAlias) ? TeamId : TeamAlias;

    /// <summary>True when <paramref name="userId"/> is an admin of the team (who may block its keys, as LiteLLM allows).</summary>
    public bool IsAdmin(string? userId) =>
        userId is not null && MembersWithRoles.Any(m => m.UserId == userId && m.Role == "admin");

    /// <summary>The teams the operator may see, sorted by name.</summary>
    public static async Task<IReadOnlyList<TeamChoice>> LoadAsync(ProxyApiClient proxy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        var teams = await proxy.GetAsync<List<TeamChoice>>("/team/list", cancellationToken).ConfigureAwait(false);
        return [.. teams.OrderBy(t => t.DisplayName, StringComparer.OrdinalIgnoreCase)];
    }
}

/// <summary>A member of a team (<c>members_with_roles</c>).</summary>
/// <param name="UserId">The member's user id.</param>
/// <param name="Role"><c>admin</c> or <c>user</c>.</param>
public sealed record TeamChoiceMember(string? UserId, string? Role);
