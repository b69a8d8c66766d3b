namespace LiteAspire.Proxy.Limits;

/// <summary>
/// One thing a request is counted against (LiteLLM's v3 limiter descriptor): a key, user, team, ... and its limits per window.
/// A null limit is not checked; the request is still counted, so the headers can report it.
/// </summary>
/// <param name="Kind">What is limited: one of <see cref="RateLimitKinds"/>.</param>
/// <param name="Value">Which one: the hashed key, the user id, <c>&lt;team&gt;:&lt;user&gt;</c>, ...</param>
/// <param name="RpmLimit">Requests per window.</param>
/// <param name="TpmLimit">Tokens per window (counted when a request completes).</param>
/// <param name="MaxParallelRequests">Requests in flight at once.</param>
public sealed record RateLimitDescriptor(string Kind, string Value, long? RpmLimit, long? TpmLimit, long? MaxParallelRequests);
