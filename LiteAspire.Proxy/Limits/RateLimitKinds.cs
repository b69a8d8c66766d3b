namespace LiteAspire.Proxy.Limits;

/// <summary>LiteLLM's descriptor kinds: they name the Redis keys and the <c>x-ratelimit-&lt;kind&gt;-*</c> headers.</summary>
public static class RateLimitKinds
{
    /// <summary>A virtual key; the value is its SHA-256 hash.</summary>
    public const string ApiKey = "api_key";

    /// <summary>An internal user (<c>user_rpm_limit</c>, <c>user_tpm_limit</c>).</summary>
    public const string User = "user";

    /// <summary>A team.</summary>
    public const string Team = "team";

    /// <summary>A user within a team; the value is <see cref="TeamMemberValue"/>.</summary>
    public const string TeamMember = "team_member";

    /// <summary>A customer (end user) named by the request's <c>user</c> field.</summary>
    public const string EndUser = "end_user";

    /// <summary>An organization.</summary>
    public const string Organization = "organization";

    /// <summary>One model through one key (<c>model_rpm_limit</c>, <c>model_tpm_limit</c>); the value is <see cref="ModelPerKeyValue"/>.</summary>
    public const string ModelPerKey = "model_per_key";

    /// <summary>The <see cref="TeamMember"/> value: <c>&lt;team&gt;:&lt;user&gt;</c>.</summary>
    public static string TeamMemberValue(string teamId, string userId) => $"{teamId}:{userId}";

    /// <summary>The <see cref="ModelPerKey"/> value: <c>&lt;hashed key&gt;:&lt;model&gt;</c>.</summary>
    public static string ModelPerKeyValue(string hashedKey, string model) => $"{hashedKey}:{model}";
}
