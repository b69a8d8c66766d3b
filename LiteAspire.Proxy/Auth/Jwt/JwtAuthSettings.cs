using System.Globalization;

using LiteAspire.Proxy.Configuration;

namespace LiteAspire.Proxy.Auth.Jwt;

/// <summary>
/// <c>general_settings.enable_jwt_auth</c>, <c>general_settings.litellm_jwtauth</c> and the <c>JWT_PUBLIC_KEY_URL</c> /
/// <c>JWT_AUDIENCE</c> environment variables. Plain values only: reading them loads no token-validation code.
/// </summary>
public sealed class JwtAuthSettings
{
    /// <summary>LiteLLM's default <c>admin_jwt_scope</c>.</summary>
    public const string DefaultAdminScope = "litellm_proxy_admin";

    /// <summary>LiteLLM's default <c>public_key_ttl</c>.</summary>
    public static readonly TimeSpan DefaultPublicKeyTtl = TimeSpan.FromSeconds(600);

    /// <summary>JWT auth off: the default.</summary>
    public static JwtAuthSettings Disabled { get; } = new();

    /// <summary><c>enable_jwt_auth</c>: bearer tokens shaped like a JWT are validated as one.</summary>
    public bool Enabled { get; init; }

    /// <summary><c>JWT_PUBLIC_KEY_URL</c>, split at commas: the JWKS endpoints whose keys are merged.</summary>
    public IReadOnlyList<Uri> PublicKeyUrls { get; init; } = [];

    /// <summary><c>JWT_AUDIENCE</c>: when set, a token's <c>aud</c> must name it.</summary>
    public string? Audience { get; init; }

    /// <summary><c>public_key_ttl</c>: how long fetched keys are trusted before the JWKS is fetched again.</summary>
    public TimeSpan PublicKeyTtl { get; init; } = DefaultPublicKeyTtl;

    /// <summary><c>admin_jwt_scope</c>: the scope that makes the caller a proxy admin.</summary>
    public string AdminScope { get; init; } = DefaultAdminScope;

    /// <summary><c>team_id_jwt_field</c>: the claim naming the caller's team.</summary>
    public string? TeamIdField { get; init; }

    /// <summary><c>team_id_default</c>: the team of a token whose team claim is missing.</summary>
    public string? TeamIdDefault { get; init; }

    /// <summary><c>user_id_jwt_field</c>: the claim naming the caller's user.</summary>
    public string? UserIdField { get; init; }

    /// <summary><c>user_email_jwt_field</c>: the claim with the user's email (stored on an upserted user).</summary>
    public string? UserEmailField { get; init; }

    /// <summary><c>org_id_jwt_field</c>: the claim naming the caller's organization.</summary>
    public string? OrgIdField { get; init; }

    /// <summary><c>end_user_id_jwt_field</c>: the claim naming the customer the call is made for.</summary>
    public string? EndUserIdField { get; init; }

    /// <summary><c>user_id_upsert</c>: create the user row when the token names a user the database does not know.</summary>
    public bool UserIdUpsert { get; init; }

    /// <summary>Reads the settings; <paramref name="configuration"/> carries the environment (and the file's <c>environment_variables</c>).</summary>
    public static JwtAuthSettings From(ProxyConfig config, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(configuration);
        var general = config.GeneralSettings.Extra;
        if (!IsTrue(general.GetValueOrDefault("enable_jwt_auth")))
        {
            return Disabled;
        }

        var jwt = general.GetValueOrDefault("litellm_jwtauth") as IReadOnlyDictionary<string, object?> ?? ConfigValues.EmptyMap;
        return new JwtAuthSettings
        {
            Enabled = true,
            PublicKeyUrls = Urls(configuration["JWT_PUBLIC_KEY_URL"]),
            Audience = NullIfEmpty(configuration["JWT_AUDIENCE"]),
            PublicKeyTtl = ConfigValues.NumberOf(jwt.GetValueOrDefault("public_key_ttl")) is { } seconds && seconds >= 0
                ? TimeSpan.FromSeconds(seconds) : DefaultPublicKeyTtl,
            AdminScope = Text(jwt, "admin_jwt_scope") ?? DefaultAdminScope,
            TeamIdField = Text(jwt, "team_id_jwt_field"),
            TeamIdDefault = Text(jwt, "team_id_default"),
            UserIdField = Text(jwt, "user_id_jwt_field"),
            UserEmailField = Text(jwt, "user_email_jwt_field"),
            OrgIdField = Text(jwt, "org_id_jwt_field"),
            EndUserIdField = Text(jwt, "end_user_id_jwt_field"),
            UserIdUpsert = IsTrue(jwt.GetValueOrDefault("user_id_upsert")),
        };
    }

    private static bool IsTrue(object? value) => value switch
    {
        bool flag => flag,
        string text => ConfigValues.ToBoolean(text.Trim()) ?? false,
        _ => false,
    };

    private static string? Text(IReadOnlyDictionary<string, object?> map, string name) =>
        NullIfEmpty(Convert.ToString(map.GetValueOrDefault(name), CultureInfo.InvariantCulture));

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Uri[] Urls(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var urls = new List<Uri>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Uri.TryCreate(part, UriKind.Absolute, out var url))
            {
                urls.Add(url);
            }
        }

        return [.. urls];
    }
}
