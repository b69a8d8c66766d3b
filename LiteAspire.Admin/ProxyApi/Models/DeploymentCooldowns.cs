namespace LiteAspire.Admin.ProxyApi.Models;

/// <summary>The proxy's <c>GET /router/cooldowns</c>: deployments out of rotation now.</summary>
public sealed record CooldownList(IReadOnlyList<DeploymentCooldown> Cooldowns, int Total);

/// <summary>A deployment cooling down, and until when.</summary>
public sealed record DeploymentCooldown(string ModelId, string? ModelName, string? Model, DateTimeOffset CooldownUntil, double RemainingSeconds);
