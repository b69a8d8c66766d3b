namespace LiteAspire.Admin.ProxyApi;

/// <summary>The proxy's <c>GET /auth/me</c> answer: who a key is.</summary>
public sealed record CallerIdentity(string? UserId, string? UserRole, string? TeamId, string? KeyAlias, string? KeyName, bool IsMasterKey);
