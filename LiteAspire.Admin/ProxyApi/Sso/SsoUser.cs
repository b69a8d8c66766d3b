namespace LiteAspire.Admin.ProxyApi.Sso;

/// <summary>The fields of a <c>GET /user/list</c> user that single sign-on reads.</summary>
/// <param name="UserId">The LiteLLM user id.</param>
/// <param name="UserEmail">Their email, as the admin entered it.</param>
/// <param name="UserRole">Their LiteLLM role.</param>
/// <param name="SsoUserId">The single sign-on subject they are linked to, if any.</param>
public sealed record SsoUser(string UserId, string? UserEmail, string? UserRole, string? SsoUserId);

/// <summary>A page of <c>GET /user/list</c>.</summary>
/// <param name="Users">The users of the page.</param>
/// <param name="Total">Users matching the filters.</param>
/// <param name="Page">The page.</param>
/// <param name="PageSize">Users per page.</param>
/// <param name="TotalPages">Pages in all.</param>
public sealed record SsoUserPage(IReadOnlyList<SsoUser> Users, int Total, int Page, int PageSize, int TotalPages);
