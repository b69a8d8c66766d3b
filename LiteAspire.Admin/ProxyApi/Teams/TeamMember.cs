using System.Text.Json.Serialization;

namespace LiteAspire.Admin.ProxyApi.Teams;

/// <summary>One entry of a team's <c>members_with_roles</c>, and the <c>member</c> of <c>/team/member_add</c>.</summary>
/// <param name="Role"><c>admin</c> or <c>user</c>.</param>
/// <param name="UserId">The member's user id.</param>
/// <param name="UserEmail">The member's email.</param>
public sealed record TeamMember(string Role, string? UserId, string? UserEmail)
{
    /// <summary>LiteLLM's team admin role.</summary>
    public const string AdminRole = "admin";

    /// <summary>LiteLLM's plain team member role.</summary>
    public const string UserRole = "user";

    /// <summary>How the member is named on the page: their email, else their id.</summary>
    [JsonIgnore]
    public string Name => UserEmail ?? UserId ?? "(unknown)";
}
