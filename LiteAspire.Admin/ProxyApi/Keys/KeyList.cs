namespace LiteAspire.Admin.ProxyApi.Keys;

/// <summary>One page of <c>GET /key/list</c> (with <c>return_full_object=true</c>).</summary>
/// <param name="Keys">The page's keys.</param>
/// <param name="TotalCount">Keys matching the filters.</param>
/// <param name="CurrentPage">The page returned (from 1).</param>
/// <param name="TotalPages">Pages in all.</param>
public sealed record KeyList(IReadOnlyList<VirtualKey> Keys, int TotalCount, int CurrentPage, int TotalPages);
