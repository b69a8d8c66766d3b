namespace LiteAspire.Data.Budgets;

/// <summary>
/// The names of the live spend counters in Redis (one per budgeted scope): the Proxy counts into them, the Worker drops them after
/// a budget reset so no replica keeps the old period's spend.
/// </summary>
public static class SpendCounterKeys
{
    /// <summary>A virtual key, by token hash.</summary>
    public const string Key = "key";

    /// <summary>An internal user.</summary>
    public const string User = "user";

    /// <summary>A team.</summary>
    public const string Team = "team";

    /// <summary>A team member, id <see cref="TeamMemberId"/>.</summary>
    public const string TeamMember = "team_member";

    /// <summary>An organization.</summary>
    public const string Organization = "organization";

    /// <summary>A customer (end user).</summary>
    public const string EndUser = "end_user";

    /// <summary>A request tag.</summary>
    public const string Tag = "tag";

    /// <summary>The whole proxy's budget (id <c>litellm-proxy-budget</c>).</summary>
    public const string Global = "global";

    /// <summary>A key's spend on one model (<c>model_max_budget</c>), id <c>token:model</c>.</summary>
    public const string ModelPerKey = "model_per_key";

    /// <summary>The counter's name, with a Redis cluster hash tag per scope.</summary>
    public static string For(string kind, string id) => $"litellm:spend:{{{kind}:{id}}}";

    /// <summary>The id of a team member's counter.</summary>
    public static string TeamMemberId(string teamId, string userId) => $"{teamId}:{userId}";
}
