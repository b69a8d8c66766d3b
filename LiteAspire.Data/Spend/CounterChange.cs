namespace LiteAspire.Data.Spend;

/// <summary>Whose spend counter a spend batch raised.</summary>
public enum SpendEntity
{
    /// <summary>A virtual key (<c>LiteLLM_VerificationToken</c>, by token hash).</summary>
    Key,

    /// <summary>An internal user (<c>LiteLLM_UserTable</c>; also the global budget's <see cref="ProxyBudgetRow.UserId"/> row).</summary>
    User,

    /// <summary>A team.</summary>
    Team,

    /// <summary>A team member (id <c>team_id</c> and <c>user_id</c> joined by a newline).</summary>
    TeamMember,

    /// <summary>An organization.</summary>
    Organization,

    /// <summary>A customer (<c>LiteLLM_EndUserTable</c>).</summary>
    EndUser,

    /// <summary>A request tag (<c>LiteLLM_TagTable</c>).</summary>
    Tag,
}

/// <summary>One counter a committed spend batch raised, from <paramref name="SpendBefore"/> to <paramref name="SpendAfter"/> (what budget alerts look at).</summary>
public sealed record CounterChange(SpendEntity Entity, string Id, double SpendBefore, double SpendAfter);
