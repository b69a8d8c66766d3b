using System.Text.Json.Nodes;

namespace LiteAspire.Admin.ProxyApi.Keys;

/// <summary>The body of <c>POST /key/generate</c> as the dashboard fills it; fields left null are not sent (the proxy's defaults apply).</summary>
public sealed record GenerateKeyRequest
{
    public string? KeyAlias { get; init; }

    /// <summary>How long the key lives (<c>30d</c>); null for ever.</summary>
    public string? Duration { get; init; }

    /// <summary>Models the key may call; null or empty for all its team's or user's models.</summary>
    public IReadOnlyList<string>? Models { get; init; }

    public double? MaxBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public int? MaxParallelRequests { get; init; }

    public string? TeamId { get; init; }

    public string? UserId { get; init; }

    public JsonObject? Metadata { get; init; }
}
