namespace LiteAspire.Proxy.Management.Teams;

/// <summary>One entry of a team's <c>members_with_roles</c>.</summary>
/// <param name="Role"><c>admin</c> or <c>user</c>.</param>
/// <param name="UserId">The member's user id.</param>
/// <param name="UserEmail">The member's email, when known.</param>
public sealed record TeamMember(string Role, string? UserId, string? UserEmail)
{
    /// <summary>True when this entry names <paramref name="userId"/> or <paramref name="userEmail"/>.</summary>
    public bool Matches(string? userId, string? userEmail) =>
        (userId is not null && UserId == userId) || (userEmail is not null && UserEmail == userEmail);
}
