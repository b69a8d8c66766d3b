namespace LiteAspire.Admin.Auth.Sso;

/// <summary>
/// The OpenID Connect provider the dashboard offers single sign-on with (<c>Admin:Oidc:*</c>). With no authority and client
/// id, there is no single sign-on: the sign-in page offers keys only.
/// </summary>
/// <param name="Authority">The issuer URL; its <c>/.well-known/openid-configuration</c> describes the provider.</param>
/// <param name="ClientId">The dashboard's client id at the provider.</param>
/// <param name="ClientSecret">The client secret of a confidential client, or null for a public one (PKCE is always used).</param>
/// <param name="Scopes">The scopes asked for.</param>
/// <param name="RequireHttpsMetadata">False only for a provider on plain HTTP (development).</param>
public sealed record SsoSettings(string Authority, string ClientId, string? ClientSecret, IReadOnlyList<string> Scopes, bool RequireHttpsMetadata)
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Admin:Oidc";

    /// <summary>The scopes asked for when <c>Admin:Oidc:Scopes</c> is not set.</summary>
    public const string DefaultScopes = "openid profile email";

    /// <summary>True when single sign-on is configured.</summary>
    public static bool IsConfigured(IConfiguration configuration) => From(configuration) is not null;

    /// <summary>The settings, or null when single sign-on is not configured; throws when they are half set.</summary>
    public static SsoSettings? From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var authority = Value(section["Authority"]);
        var clientId = Value(section["ClientId"]);
        if (authority is null && clientId is null)
        {
            return null;
        }

        if (authority is null || clientId is null)
        {
            throw new InvalidOperationException(
                $"Single sign-on needs both {Section}:Authority and {Section}:ClientId; only {(authority is null ? "ClientId" : "Authority")} is set.");
        }

        var scopes = (Value(section["Scopes"]) ?? DefaultScopes).Split(' ', ',')
            .Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (!scopes.Contains("openid", StringComparer.Ordinal))
        {
            scopes.Insert(0, "openid");
        }

        var requireHttps = !bool.TryParse(section["RequireHttpsMetadata"], out var parsed) || parsed;
        return new SsoSettings(authority, clientId, Value(section["ClientSecret"]), scopes, requireHttps);
    }

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
