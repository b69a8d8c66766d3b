namespace LiteAspire.Proxy.Auth;

/// <summary>
/// Who is calling and what binds them: LiteLLM's <c>UserAPIKeyAuth</c>, the key joined with its team, team membership,
/// user and organization (the <c>LiteLLM_VerificationTokenView</c> shape). Immutable and cacheable as JSON: a change to
/// any of those rows invalidates the cached entry.
/// </summary>
public sealed record ApiKeyAuth
{
    /// <summary>The key's stored token (SHA-256 hex). For the master key, the hash of the master key.</summary>
    public required string Token { get; init; }

    /// <summary>True when the caller presented the master key, or a JWT with <c>admin_jwt_scope</c> (LiteLLM's proxy admin either way).</summary>
    public bool IsMasterKey { get; init; }

    /// <summary>The effective user role: the key's user's role, <c>proxy_admin</c> for the master key, null for a key without a user.</summary>
    public string? UserRole { get; init; }

    /// <summary><c>sk-...abcd</c>.</summary>
    public string? KeyName { get; init; }

    /// <summary>The key's alias.</summary>
    public string? KeyAlias { get; init; }

    /// <summary>The key's owner.</summary>
    public string? UserId { get; init; }

    /// <summary>The key's team.</summary>
    public string? TeamId { get; init; }

    /// <summary>The key's organization (its own, else its team's).</summary>
    public string? OrganizationId { get; init; }

    /// <summary>Models the key may call; empty means the team's (or every) model.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>The key is blocked.</summary>
    public bool Blocked { get; init; }

    /// <summary>When the key expires (UTC), or null for never.</summary>
    public DateTime? Expires { get; init; }

    /// <summary><c>key_type</c>/<c>allowed_routes</c>: the routes the key may call; empty means the role decides.</summary>
    public IReadOnlyList<string> AllowedRoutes { get; init; } = [];

    /// <summary><c>allowed_cache_controls</c>: the body <c>cache</c> controls the key may send; empty means any.</summary>
    public IReadOnlyList<string> AllowedCacheControls { get; init; } = [];

    /// <summary>The customer a JWT names (<c>end_user_id_jwt_field</c>), used when the request body names none.</summary>
    public string? EndUserId { get; init; }

    /// <summary>The key's own budget and spend.</summary>
    public BudgetState? KeyBudget { get; init; }

    /// <summary>The key's own limits.</summary>
    public LimitSet KeyLimits { get; init; } = LimitSet.None;

    /// <summary>Per-model request limits of the key (<c>model_rpm_limit</c>).</summary>
    public IReadOnlyDictionary<string, long> ModelRpmLimits { get; init; } = Empty;

    /// <summary>Per-model token limits of the key (<c>model_tpm_limit</c>).</summary>
    public IReadOnlyDictionary<string, long> ModelTpmLimits { get; init; } = Empty;

    /// <summary>Per-model budgets of the key (<c>model_max_budget</c>), by model name.</summary>
    public IReadOnlyDictionary<string, Budgets.KeyModelBudget> ModelMaxBudgets { get; init; } = Budgets.KeyModelBudget.Parse(null);

    /// <summary>The key's team, when it has one.</summary>
    public TeamScope? Team { get; init; }

    /// <summary>The key's user, when the row exists.</summary>
    public ScopeLimits? User { get; init; }

    /// <summary>The key's organization, when it has one.</summary>
    public ScopeLimits? Organization { get; init; }

    private static readonly IReadOnlyDictionary<string, long> Empty = new Dictionary<string, long>();

    /// <summary>The identity of a master-key caller.</summary>
    public static ApiKeyAuth MasterKey(string token) => new() { Token = token, IsMasterKey = true, UserRole = LiteLLMRoles.ProxyAdmin };
}

/// <summary>A budget and the spend counted against it.</summary>
/// <param name="MaxBudget">Hard budget in USD, or null for none.</param>
/// <param name="Spend">Spend so far in the current period.</param>
/// <param name="SoftBudget">Alert threshold in USD, or null.</param>
/// <param name="BudgetDuration">LiteLLM duration (<c>30d</c>, <c>1mo</c>), or null for a budget that never resets.</param>
/// <param name="BudgetResetAt">When the current period ends (UTC), or null.</param>
public sealed record BudgetState(double? MaxBudget, double Spend, double? SoftBudget, string? BudgetDuration, DateTime? BudgetResetAt);

/// <summary>Request, token and concurrency limits of one level (key, user, team, member, organization).</summary>
/// <param name="RpmLimit">Requests per minute.</param>
/// <param name="TpmLimit">Tokens per minute.</param>
/// <param name="MaxParallelRequests">Requests in flight.</param>
public sealed record LimitSet(long? RpmLimit, long? TpmLimit, long? MaxParallelRequests)
{
    /// <summary>No limits.</summary>
    public static LimitSet None { get; } = new(null, null, null);

    /// <summary>True when any limit is set.</summary>
    public bool Any => RpmLimit is not null || TpmLimit is not null || MaxParallelRequests is not null;
}

/// <summary>Models, budget and limits of a user or an organization.</summary>
/// <param name="Id">The user or organization id.</param>
/// <param name="Models">Models allowed; empty means no restriction at this level.</param>
/// <param name="Budget">Budget and spend, or null.</param>
/// <param name="Limits">Limits.</param>
public sealed record ScopeLimits(string Id, IReadOnlyList<string> Models, BudgetState? Budget, LimitSet Limits);

/// <summary>The key's team, and the key's user as a member of it.</summary>
public sealed record TeamScope
{
    /// <summary>The team id.</summary>
    public required string TeamId { get; init; }

    /// <summary>The team alias.</summary>
    public string? TeamAlias { get; init; }

    /// <summary>The team is blocked.</summary>
    public bool Blocked { get; init; }

    /// <summary>Models the team may call; empty means every model.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>The team's budget and spend.</summary>
    public BudgetState? Budget { get; init; }

    /// <summary>The team's limits.</summary>
    public LimitSet Limits { get; init; } = LimitSet.None;

    /// <summary>The key's user's role in the team (<c>admin</c> or <c>user</c>), when a member.</summary>
    public string? MemberRole { get; init; }

    /// <summary>The member's budget within the team and their spend in it.</summary>
    public BudgetState? MemberBudget { get; init; }

    /// <summary>The member's limits within the team.</summary>
    public LimitSet MemberLimits { get; init; } = LimitSet.None;
}
