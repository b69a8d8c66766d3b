namespace LiteAspire.Admin.ProxyApi.Users;

/// <summary>One page of <c>GET /user/list</c>.</summary>
/// <param name="Users">The page's users (with their key counts).</param>
/// <param name="Total">Users matching the filters.</param>
/// <param name="Page">The page returned (from 1).</param>
/// <param name="PageSize">Users per page.</param>
/// <param name="TotalPages">Pages in all.</param>
public sealed record UserList(IReadOnlyList<ProxyUser> Users, int Total, int Page, int PageSize, int TotalPages);
