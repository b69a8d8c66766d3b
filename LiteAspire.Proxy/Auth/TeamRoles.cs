using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Auth;

/// <summary>Team member roles as LiteLLM keeps them: <c>members_with_roles</c>, a JSON list of <c>{role, user_id, user_email}</c>.</summary>
public static class TeamRoles
{
    /// <summary>The role (<c>admin</c> or <c>user</c>) of <paramref name="userId"/> in <paramref name="team"/>, or null when not a member.</summary>
    public static string? RoleOf(TeamTable team, string userId)
    {
        ArgumentNullException.ThrowIfNull(team);
        foreach (var member in Members(team.MembersWithRoles))
        {
            if (JsonRead.String(member["user_id"]) == userId)
            {
                return JsonRead.String(member["role"]) ?? LiteLLMRoles.TeamUser;
            }
        }

        return null;
    }

    /// <summary>The members listed in <paramref name="membersWithRoles"/>; malformed JSON lists none.</summary>
    public static IEnumerable<JsonObject> Members(string? membersWithRoles)
    {
        JsonNode? parsed;
        try
        {
            parsed = string.IsNullOrEmpty(membersWithRoles) ? null : JsonNode.Parse(membersWithRoles);
        }
        catch (JsonException)
        {
            parsed = null;
        }

        return parsed is JsonArray array ? array.OfType<JsonObject>() : [];
    }
}
