namespace LiteAspire.Proxy.Management.Teams;

/// <summary>LiteLLM's <c>Member</c> in a request: a role and a user named by id or email.</summary>
/// <param name="Role">Team: <c>admin</c> or <c>user</c>; organization: <c>org_admin</c>, <c>internal_user</c> or <c>internal_user_viewer</c>.</param>
/// <param name="UserId">The user's id; a user row is created when none exists.</param>
/// <param name="UserEmail">The user's email, used to find (or create) the user when no id is given.</param>
public sealed record MemberRequest(string? Role, string? UserId, string? UserEmail);
