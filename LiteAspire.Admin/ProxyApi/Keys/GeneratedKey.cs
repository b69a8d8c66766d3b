namespace LiteAspire.Admin.ProxyApi.Keys;

/// <summary>
/// What the dashboard reads from the answer of <c>/key/generate</c> and <c>/key/regenerate</c>: the plaintext key (in this
/// answer only) and how to name the key afterwards.
/// </summary>
public sealed record GeneratedKey
{
    /// <summary>The plaintext key: shown to the operator once, then dropped.</summary>
    public required string Key { get; init; }

    public string? KeyName { get; init; }

    /// <summary>The key's hash.</summary>
    public string? Token { get; init; }

    public string? KeyAlias { get; init; }

    public DateTimeOffset? Expires { get; init; }
}
