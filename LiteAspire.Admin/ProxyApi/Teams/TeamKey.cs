namespace LiteAspire.Admin.ProxyApi.Teams;

/// <summary>A key of a team as <c>/team/info</c> and <c>/team/list</c> show it: no token, named <c>sk-...abcd</c>.</summary>
public sealed record TeamKey
{
    /// <summary>The key's short name (<c>sk-...abcd</c>).</summary>
    public string? KeyName { get; init; }

    /// <summary>Its alias.</summary>
    public string? KeyAlias { get; init; }

    /// <summary>Its spend in USD.</summary>
    public double Spend { get; init; }

    /// <summary>Its budget in USD.</summary>
    public double? MaxBudget { get; init; }

    /// <summary>The user it belongs to.</summary>
    public string? UserId { get; init; }

    /// <summary>True when blocked.</summary>
    public bool? Blocked { get; init; }
}
