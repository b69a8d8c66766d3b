using LiteAspire.Proxy.Auth.Jwt;
using LiteAspire.Proxy.Configuration;

using Microsoft.Extensions.Configuration;

namespace LiteAspire.Proxy.Tests.Auth.Jwt;

public sealed class JwtAuthSettingsTests
{
    private static JwtAuthSettings Read(string generalSettings, Dictionary<string, string?>? environment = null)
    {
        var config = ProxyConfigLoader.Parse($"general_settings:\n{generalSettings}");
        return JwtAuthSettings.From(config, new ConfigurationBuilder().AddInMemoryCollection(environment ?? []).Build());
    }

    [Fact]
    public void From_NoEnableJwtAuth_Disabled()
    {
        Assert.False(Read("  master_key: sk-1\n").Enabled);
    }

    [Fact]
    public void From_EnabledWithoutLiteLLMJwtAuth_LiteLLMsDefaults()
    {
        var settings = Read("  enable_jwt_auth: True\n");

        Assert.True(settings.Enabled);
        Assert.Equal("litellm_proxy_admin", settings.AdminScope);
        Assert.Equal(TimeSpan.FromSeconds(600), settings.PublicKeyTtl);
        Assert.Null(settings.Audience);
        Assert.Empty(settings.PublicKeyUrls);
    }

    [Fact]
    public void From_EveryKeyAndTheEnvironment_Read()
    {
        var settings = Read("""
              enable_jwt_auth: true
              litellm_jwtauth:
                admin_jwt_scope: gateway_admin
                team_id_jwt_field: groups
                team_id_default: default-team
                user_id_jwt_field: sub
                user_email_jwt_field: email
                org_id_jwt_field: org
                end_user_id_jwt_field: customer
                user_id_upsert: true
                public_key_ttl: 30
            """, new() { ["JWT_PUBLIC_KEY_URL"] = "https://a.example/jwks, https://b.example/jwks", ["JWT_AUDIENCE"] = "proxy" });

        Assert.Equal("gateway_admin", settings.AdminScope);
        Assert.Equal(("groups", "default-team", "sub", "email", "org", "customer"),
            (settings.TeamIdField, settings.TeamIdDefault, settings.UserIdField, settings.UserEmailField, settings.OrgIdField, settings.EndUserIdField));
        Assert.True(settings.UserIdUpsert);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.PublicKeyTtl);
        Assert.Equal("proxy", settings.Audience);
        Assert.Equal(["https://a.example/jwks", "https://b.example/jwks"], settings.PublicKeyUrls.Select(u => u.ToString()));
    }
}
