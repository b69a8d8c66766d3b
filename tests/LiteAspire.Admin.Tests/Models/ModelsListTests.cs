using Bunit;
using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Tests.Support;

using static LiteAspire.Admin.Tests.Models.ModelsJson;

namespace LiteAspire.Admin.Tests.Models;

public class ModelsListTests
{
    [Fact]
    public async Task List_GroupsDeploymentsByModelName_AndTellsConfigFromDatabaseModels()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        ModelsPage.AnswerReads(context);

        var (page, _) = ModelsPage.Render(context);

        var groups = page.FindAll("[data-testid=model-group]").Select(g => g.TextContent).ToList();
        Assert.Equal(2, groups.Count);
        Assert.Contains("db-gpt", groups[0], StringComparison.Ordinal);
        Assert.Contains("fake-gpt", groups[1], StringComparison.Ordinal);
        Assert.Contains("2 deployments", groups[1], StringComparison.Ordinal);
        Assert.Equal(3, page.FindAll("[data-testid=model-row]").Count);

        var config = ModelsPage.Row(page, ConfigId);
        Assert.Equal("config.yaml", config.QuerySelector("[data-testid=model-source]")!.TextContent.Trim());
        Assert.NotNull(config.QuerySelector("[data-testid=model-read-only]"));
        Assert.Null(config.QuerySelector("[data-testid=delete-model]"));
        Assert.Null(config.QuerySelector("[data-testid=edit-model]"));
        Assert.NotNull(config.QuerySelector("[data-testid=test-model]"));

        var stored = ModelsPage.Row(page, StoredId);
        Assert.Equal("database", stored.QuerySelector("[data-testid=model-source]")!.TextContent.Trim());
        Assert.NotNull(stored.QuerySelector("[data-testid=delete-model]"));
        Assert.Contains("openai/fake-db", stored.TextContent, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:4099/v1", stored.TextContent, StringComparison.Ordinal);
        Assert.Contains("60 rpm", stored.TextContent, StringComparison.Ordinal);
        Assert.Contains("10,000 tpm", stored.TextContent, StringComparison.Ordinal);
        Assert.Contains("in $1 / 1M", stored.TextContent, StringComparison.Ordinal);
        Assert.Contains("out $2 / 1M", stored.TextContent, StringComparison.Ordinal);
        Assert.Equal("provider: openai", stored.QuerySelector("[data-testid=model-provider]")!.TextContent.Trim());
        Assert.Contains("price table", ModelsPage.Row(page, ConfigId).TextContent, StringComparison.Ordinal);
        Assert.Contains("anthropic", ModelsPage.Row(page, SecondStoredId).TextContent, StringComparison.Ordinal);
        Assert.Contains("read-only here", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_NeverRendersACredential_EvenWhenTheProxyAnswersOne()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        ModelsPage.AnswerReads(context);
        context.Proxy.On("GET", "/v1/model/info", """
            {"data":[{"model_name":"leaky","litellm_params":{"model":"azure/gpt-4o","api_base":"https://admin:hunter2@example.openai.azure.com/openai?api-key=sk-in-query",
              "api_key":"sk-leaked-upstream-key","aws_secret_access_key":"aws-secret-123","vertex_credentials":"{\"private_key\":\"pk-456\"}"},
              "model_info":{"id":"leaky-id","db_model":true,"api_key":"sk-leaked-in-info"}}]}
            """);

        var (page, _) = ModelsPage.Render(context);

        Assert.Contains("https://example.openai.azure.com/openai", page.Markup, StringComparison.Ordinal);
        foreach (var secret in new[] { "sk-leaked-upstream-key", "aws-secret-123", "pk-456", "hunter2", "sk-in-query", "sk-leaked-in-info" })
        {
            Assert.DoesNotContain(secret, page.Markup, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task List_ShowsEachDeploymentsLatestHealthAndItsCooldown()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        ModelsPage.AnswerReads(context, cooldowns: Cooldowns);

        var (page, _) = ModelsPage.Render(context);

        var healthy = ModelsPage.Row(page, StoredId).QuerySelector("[data-testid=model-health]")!.TextContent;
        Assert.Contains("healthy", healthy, StringComparison.Ordinal);
        Assert.Contains("407 ms", healthy, StringComparison.Ordinal);
        var failing = ModelsPage.Row(page, ConfigId).QuerySelector("[data-testid=model-health]")!;
        Assert.Contains("unhealthy", failing.TextContent, StringComparison.Ordinal);
        Assert.Contains("Connection refused", failing.TextContent, StringComparison.Ordinal);
        Assert.Contains("43 s left", failing.QuerySelector("[data-testid=model-cooldown]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(ModelsPage.Row(page, StoredId).QuerySelector("[data-testid=model-cooldown]"));
        Assert.Contains("not checked yet", ModelsPage.Row(page, SecondStoredId).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_HealthOrCooldownsRefused_StillListsTheModelsAndSaysWhy()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        ModelsPage.AnswerReads(context);
        context.Proxy.On("GET", "/router/cooldowns", """{"error":{"message":"Route not found: GET /router/cooldowns","type":"not_found_error","param":null,"code":"404"}}""", 404);

        var (page, _) = ModelsPage.Render(context);

        Assert.Equal(3, page.FindAll("[data-testid=model-row]").Count);
        Assert.Contains("Route not found", page.Find("[data-testid=cooldowns-unavailable]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoModels_ShowsTheEmptyStateWithAnAddAction()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        ModelsPage.AnswerReads(context);
        context.Proxy.On("GET", "/v1/model/info", """{"data":[]}""");

        var page = context.Render<Components.Pages.Models.Models>();

        page.WaitForAssertion(() => Assert.Contains("No models yet", page.Find("[data-testid=page-empty]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Add a model", page.Find("[data-testid=page-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyDown_ShowsWhyInsteadOfTheTable()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.Down = true;

        var page = context.Render<Components.Pages.Models.Models>();

        page.WaitForAssertion(() => Assert.Contains("unreachable", page.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=models-table]"));
    }

    [Fact]
    public async Task Viewer_SeesModelsWithoutAnyChangeButton_AndHealthIsNotAsked()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdminViewer);
        ModelsPage.AnswerReads(context, cooldowns: Cooldowns);

        var (page, _) = ModelsPage.Render(context);

        foreach (var button in new[] { "add-model", "test-model", "edit-model", "delete-model" })
        {
            Assert.Empty(page.FindAll($"[data-testid={button}]"));
        }

        Assert.Empty(context.Proxy.To("/health/latest"));
        Assert.Contains("only proxy admins", page.Find("[data-testid=health-unavailable]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(ModelsPage.Row(page, ConfigId).QuerySelector("[data-testid=model-cooldown]"));
    }
}
