using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Health;

/// <summary>The <c>error</c> text of an unhealthy endpoint, in LiteLLM's words, with every credential of the deployment blanked out.</summary>
public static class HealthCheckErrors
{
    /// <summary>LiteLLM's pointer to the <c>mode</c> setting, appended to every failed check.</summary>
    public const string ModeHint = "https://docs.litellm.ai/docs/proxy/health#embedding-models";

    /// <summary>LiteLLM's text for a check that ran out of time.</summary>
    public const string TimeoutExceeded = "Timeout exceeded";

    // litellm_params that hold credentials: never echoed, even when an upstream quotes them back.
    private static readonly string[] s_secretParams =
    [
        "aws_access_key_id", "aws_secret_access_key", "aws_session_token", "azure_ad_token", "vertex_credentials", "client_secret",
    ];

    /// <summary>The error text for <paramref name="exception"/>; <paramref name="modeSet"/> says whether <c>model_info.mode</c> was given.</summary>
    public static string Describe(Exception exception, ResolvedDeployment deployment, bool modeSet)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(deployment);
        var text = Scrub(exception.Message, deployment);
        return modeSet
            ? $"{text}\nHave you set 'mode' - {ModeHint}"
            : $"error:{text}. Missing `mode`. Set the `mode` for the model - {ModeHint}";
    }

    /// <summary><paramref name="text"/> with the deployment's api_key and other credentials replaced by <c>[REDACTED]</c>.</summary>
    public static string Scrub(string text, ResolvedDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(deployment);
        text = Blank(text, deployment.ApiKey);
        foreach (var name in s_secretParams)
        {
            text = Blank(text, deployment.GetString(name));
        }

        return text;
    }

    // Very short values would blank ordinary words; real credentials are long.
    private static string Blank(string text, string? secret) =>
        secret is { Length: >= 6 } ? text.Replace(secret, "[REDACTED]", StringComparison.Ordinal) : text;
}
