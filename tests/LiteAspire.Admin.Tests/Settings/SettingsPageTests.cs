using Bunit;
using LiteAspire.Admin.Auth;
using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using SettingsPage = LiteAspire.Admin.Components.Pages.Settings.Settings;

namespace LiteAspire.Admin.Tests.Settings;

public class SettingsPageTests
{
    [Fact]
    public async Task Settings_ShowsStatusCallbacksRouterAndCacheSettings_AsTheProxyAnswersThem()
    {
        await using var context = Context(AdminRoles.ProxyAdmin);

        var page = Render(context);

        var status = page.Find("[data-testid=settings-status]");
        Assert.Equal("connected", page.Find("[data-testid=status-db]").TextContent.Trim());
        Assert.Equal("0.1.0", page.Find("[data-testid=status-version]").TextContent.Trim());
        Assert.Contains("none: in-process cache", status.TextContent, StringComparison.Ordinal);

        var callback = page.Find("[data-testid=callback-row]");
        Assert.Contains("langfuse", callback.TextContent, StringComparison.Ordinal);
        Assert.Contains("on success", callback.TextContent, StringComparison.Ordinal);
        Assert.Contains("LANGFUSE_SECRET_KEY: ***REDACTED***", callback.TextContent, StringComparison.Ordinal);
        Assert.Contains("https://langfuse.example.com/", callback.TextContent, StringComparison.Ordinal);

        Assert.Equal("least-busy", Value(page, "settings-router", "routing_strategy"));
        Assert.Equal("3", Value(page, "settings-router", "num_retries"));
        Assert.Equal("""[{"fake-gpt":["db-gpt"]}]""", Value(page, "settings-router", "fallbacks"));
        Assert.Equal("not set", Value(page, "settings-router", "timeout"));
        Assert.Equal("5", Value(page, "settings-router", "max_fallbacks"));

        Assert.Equal("local", Value(page, "settings-cache", "type"));
        Assert.Equal("demo", Value(page, "settings-cache", "namespace"));
        Assert.Equal("120", Value(page, "settings-cache", "ttl"));
        Assert.Empty(page.FindAll("[data-testid=settings-cache] [data-setting=password]"));
    }

    [Fact]
    public async Task Settings_AProxyThatForgetsToMaskASecret_StillShowsItRedacted()
    {
        await using var context = Context(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/router/settings", """
            {"fields":[{"field_name":"routing_strategy","field_type":"String","field_value":"simple-shuffle","field_description":"","field_default":"simple-shuffle","options":null,"ui_field_name":"Routing Strategy","link":null}],
             "current_values":{"routing_strategy":"simple-shuffle","redis_password":"hunter2-plain","default_litellm_params":{"api_key":"sk-nested-plain","temperature":0.2},"redis_url":"sk-looks-like-a-key"},
             "routing_strategy_descriptions":{}}
            """);
        context.Proxy.On("GET", "/get/config/callbacks", """
            {"status":"success","callbacks":[{"name":"langfuse","variables":{"LANGFUSE_SECRET_KEY":"lf-plain-secret","LANGFUSE_HOST":"https://cloud.langfuse.com"},"type":"success"}],
             "alerts":[{"name":"slack","variables":{"SLACK_WEBHOOK_URL":"https://hooks.slack.com/services/T0/B0/plain"}}],"router_settings":{}}
            """);

        var page = Render(context);

        foreach (var secret in new[] { "hunter2-plain", "sk-nested-plain", "sk-looks-like-a-key", "lf-plain-secret", "B0/plain" })
        {
            Assert.DoesNotContain(secret, page.Markup, StringComparison.Ordinal);
        }

        Assert.Equal("***REDACTED***", Value(page, "settings-router", "redis_password"));
        Assert.Equal("""{"api_key":"***REDACTED***","temperature":0.2}""", Value(page, "settings-router", "default_litellm_params"));
        Assert.Contains("https://cloud.langfuse.com", page.Find("[data-testid=settings-callbacks]").TextContent, StringComparison.Ordinal);
        Assert.Contains("alert", page.FindAll("[data-testid=callback-row]")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_CachingOffAndNoCallbacks_SaySo()
    {
        await using var context = Context(AdminRoles.ProxyAdminViewer);
        context.Proxy.On("GET", "/cache/settings", """{"fields":[],"current_values":{},"redis_type_descriptions":{"node":"Standard Redis node/single instance"}}""");
        context.Proxy.On("GET", "/get/config/callbacks", """{"status":"success","callbacks":[],"alerts":[],"router_settings":{}}""");

        var page = Render(context);

        Assert.Contains("Response caching is off", page.Find("[data-testid=cache-off]").TextContent, StringComparison.Ordinal);
        Assert.Contains("No logging callbacks", page.Find("[data-testid=callbacks-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_ASectionRefused_ShowsWhyThere_AndTheRestStill()
    {
        await using var context = Context(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/router/settings", """{"error":{"message":"Only proxy admins can read the router settings. Your role is internal_user.","type":"auth_error","param":"None","code":"403"}}""", 403);

        var page = Render(context);

        Assert.Contains("Only proxy admins can read the router settings", page.Find("[data-testid=router-error]").TextContent, StringComparison.Ordinal);
        Assert.Equal("local", Value(page, "settings-cache", "type"));
        Assert.Empty(page.FindAll("[data-testid=page-error]"));
    }

    [Fact]
    public async Task Settings_ProxyDown_ShowsThePageError()
    {
        await using var context = Context(AdminRoles.ProxyAdmin);
        context.Proxy.Down = true;

        var page = context.Render<SettingsPage>();

        page.WaitForAssertion(() => Assert.Contains("Connection refused", page.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal));
        Assert.Contains("not ready", page.Find("[data-testid=status-error]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_ChangesNothing_NoInputAndNoWrite()
    {
        await using var context = Context(AdminRoles.ProxyAdmin);

        var page = Render(context);

        Assert.Empty(page.FindAll("input, textarea, select"));
        Assert.Equal(["refresh-settings"], page.FindAll("button").Select(b => b.GetAttribute("data-testid")));
        Assert.All(context.Proxy.Requests, r => Assert.Equal("GET", r.Method));
    }

    private static AdminTestContext Context(string role)
    {
        var context = new AdminTestContext();
        context.SignInAs(role);
        // The page shows the readiness ProxyClient reads; here it reads it from the fake proxy too.
        context.Services.AddScoped(_ => new ProxyClient(
            new HttpClient(context.Proxy, disposeHandler: false) { BaseAddress = new Uri(ProxyClient.ServiceBaseAddress) },
            new ConfigurationBuilder().Build()));
        context.Proxy.On("GET", "/health/readiness", SettingsJson.Readiness);
        context.Proxy.On("GET", "/router/settings", SettingsJson.RouterSettings);
        context.Proxy.On("GET", "/cache/settings", SettingsJson.CacheSettings);
        context.Proxy.On("GET", "/get/config/callbacks", SettingsJson.Callbacks);
        return context;
    }

    private static IRenderedComponent<SettingsPage> Render(AdminTestContext context)
    {
        var page = context.Render<SettingsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=settings-status]"));
        return page;
    }

    private static string Value(IRenderedComponent<SettingsPage> page, string table, string setting) =>
        page.Find($"[data-testid={table}] [data-setting='{setting}'] [data-testid=setting-value]").TextContent.Trim();
}
