namespace LiteAspire.Data.Schema;

/// <summary>An old key hash that keeps working until <see cref="RevokeAt"/> after a rotation (<c>LiteLLM_DeprecatedVerificationToken</c>).</summary>
public class DeprecatedVerificationToken
{
    public required string Id { get; set; }

    /// <summary>SHA-256 hex of the old key; unique.</summary>
    public required string Token { get; set; }

    /// <summary>The current key's hash in <see cref="VerificationToken"/>.</summary>
    public required string ActiveTokenId { get; set; }

    public DateTime RevokeAt { get; set; }

    public DateTime CreatedAt { get; set; }
}
