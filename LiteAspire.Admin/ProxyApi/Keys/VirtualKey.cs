using System.Text.Json.Nodes;

namespace LiteAspire.Admin.ProxyApi.Keys;

/// <summary>
/// A key's row as <c>/key/list?return_full_object=true</c> and <c>/key/info</c> return it (the plaintext is never in it;
/// <see cref="Token"/>, the hash, is absent from <c>/key/info</c>'s <c>info</c>).
/// </summary>
public sealed record VirtualKey
{
    /// <summary>The key's SHA-256 hash: how the dashboard names a key to the proxy.</summary>
    public string? Token { get; init; }

    /// <summary>The masked key (<c>sk-...abcd</c>).</summary>
    public string? KeyName { get; init; }

    public string? KeyAlias { get; init; }

    public double Spend { get; init; }

    public double? MaxBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public DateTimeOffset? BudgetResetAt { get; init; }

    public DateTimeOffset? Expires { get; init; }

    /// <summary>Models the key may call; empty means every model its team or user may call.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public int? MaxParallelRequests { get; init; }

    public JsonObject? Metadata { get; init; }

    /// <summary>True when blocked (LiteLLM leaves it null on keys never blocked).</summary>
    public bool? Blocked { get; init; }

    public string? KeyType { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? UpdatedBy { get; init; }

    public DateTimeOffset? LastActive { get; init; }

    /// <summary>True when the key is blocked.</summary>
    public bool IsBlocked => Blocked == true;

    /// <summary>What the dashboard calls the key: its alias, else its masked name.</summary>
    public string DisplayName => KeyAlias ?? KeyName ?? "(unnamed key)";
}
