using System.Text.Json;

using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>Reads and writes <c>members_with_roles</c> (a JSON list of <c>{role, user_id, user_email}</c>).</summary>
internal static class TeamMembers
{
    public static List<TeamMember> Read(string? membersWithRoles)
    {
        var members = new List<TeamMember>();
        foreach (var member in TeamRoles.Members(membersWithRoles))
        {
            members.Add(new TeamMember(
                JsonColumn.Text(member, "role") ?? LiteLLMRoles.TeamUser,
                JsonColumn.Text(member, "user_id"),
                JsonColumn.Text(member, "user_email")));
        }

        return members;
    }

    public static string Write(IEnumerable<TeamMember> members) => JsonSerializer.Serialize(members, ManagementJson.Options);
}
