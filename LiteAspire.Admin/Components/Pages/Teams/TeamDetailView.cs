using LiteAspire.Admin.ProxyApi.Teams;

namespace LiteAspire.Admin.Components.Pages.Teams;

/// <summary>
/// What the team page shows of <c>/team/info</c>: the team, its members with their spend in it, and its keys counted
/// and summed, with only the few that spend most kept (the page keeps this in its prerendered HTML).
/// </summary>
public sealed record TeamDetailView(Team Team, IReadOnlyList<TeamMemberRow> Members, int KeyCount, double KeySpend, IReadOnlyList<TeamKey> TopKeys)
{
    /// <summary>How many keys the page lists.</summary>
    public const int TopKeyCount = 10;

    /// <summary>The page's view of <paramref name="info"/>.</summary>
    public static TeamDetailView From(TeamInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var memberships = info.TeamMemberships.ToDictionary(m => m.UserId, StringComparer.Ordinal);
        var members = info.Team.MembersWithRoles
            .Select(m => new TeamMemberRow(m, m.UserId is { } id && memberships.TryGetValue(id, out var ms) ? ms : null))
            .ToList();
        var topKeys = info.Keys.OrderByDescending(k => k.Spend).Take(TopKeyCount).ToList();
        return new TeamDetailView(info.Team with { Keys = null, TeamMemberships = null }, members, info.Keys.Count, info.Keys.Sum(k => k.Spend), topKeys);
    }
}

/// <summary>A member of the team with their membership (spend and budget in the team), when the proxy has one.</summary>
/// <param name="Member">The entry of <c>members_with_roles</c>.</param>
/// <param name="Membership">The <c>LiteLLM_TeamMembership</c> row.</param>
public sealed record TeamMemberRow(TeamMember Member, TeamMembership? Membership);
