namespace LiteAspire.Admin.ProxyApi.Keys;

/// <summary>The answer of <c>GET /key/info?key=</c>.</summary>
/// <param name="Key">The key's hash.</param>
/// <param name="Info">The key's row (without its hash).</param>
public sealed record KeyInfoResponse(string Key, VirtualKey Info);
