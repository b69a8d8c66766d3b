namespace LiteAspire.Admin.ProxyApi.Sso;

/// <summary>The <c>POST /key/generate</c> body of a UI session key (LiteLLM's team <c>litellm-dashboard</c>).</summary>
/// <param name="UserId">Whose key it is: the proxy then applies their role to every call made with it.</param>
/// <param name="TeamId">Always <see cref="UiSessionKeys.TeamId"/>.</param>
/// <param name="Duration">The session's lifetime, in LiteLLM's duration format (<c>8h</c>).</param>
/// <param name="Metadata">Marks the key as a dashboard session.</param>
public sealed record SessionKeyRequest(string UserId, string TeamId, string Duration, IReadOnlyDictionary<string, string> Metadata);

/// <summary>The fields of the <c>POST /key/generate</c> answer a session needs.</summary>
/// <param name="Key">The key (shown nowhere; kept in the encrypted sign-in cookie).</param>
/// <param name="Expires">When the proxy stops accepting it.</param>
public sealed record GeneratedSessionKey(string Key, DateTimeOffset? Expires);

/// <summary>The <c>POST /key/delete</c> body.</summary>
/// <param name="Keys">Keys or their SHA-256 hashes.</param>
public sealed record DeleteKeysRequest(IReadOnlyList<string> Keys);
