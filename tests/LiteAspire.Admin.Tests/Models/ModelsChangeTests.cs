using System.Text.Json.Nodes;

using Bunit;
using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Components.Pages.Models;
using LiteAspire.Admin.Tests.Support;

using static LiteAspire.Admin.Tests.Models.ModelsJson;

namespace LiteAspire.Admin.Tests.Models;

public class ModelsChangeTests
{
    [Fact]
    public async Task Add_SendsModelNewWithTheFormsValues_ThenListsAgain()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        ModelsPage.AnswerReads(context);
        context.Proxy.On("POST", "/model/new", StoredModel);
        var (page, dialogs) = ModelsPage.Render(context);

        page.Find("[data-testid=add-model]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid=model-name]"));
        dialogs.Find("input[data-testid=model-name]").Change("team-gpt");
        dialogs.Find("input[data-testid=model-provider-model]").Change("openai/gpt-4o-mini");
        dialogs.Find("input[data-testid=model-api-base]").Change("http://127.0.0.1:4099/v1");
        dialogs.Find("input[data-testid=model-api-key]").Change("sk-new-upstream");
        dialogs.Find("input[data-testid=model-rpm]").Change("120");
        dialogs.Find("input[data-testid=model-tpm]").Change("50000");
        dialogs.Find("input[data-testid=model-input-cost]").Change("0.0000015");
        dialogs.Find("input[data-testid=model-output-cost]").Change("0.000006");
        dialogs.Find("[data-testid=model-submit]").Click();

        page.WaitForAssertion(() => Assert.Single(context.Proxy.To("/model/new")));
        var body = JsonNode.Parse(context.Proxy.To("/model/new")[0].Body!)!;
        Assert.Equal("team-gpt", body["model_name"]!.GetValue<string>());
        var parameters = body["litellm_params"]!;
        Assert.Equal("openai/gpt-4o-mini", parameters["model"]!.GetValue<string>());
        Assert.Equal("http://127.0.0.1:4099/v1", parameters["api_base"]!.GetValue<string>());
        Assert.Equal("sk-new-upstream", parameters["api_key"]!.GetValue<string>());
        Assert.Equal(120, parameters["rpm"]!.GetValue<long>());
        Assert.Equal(50000, parameters["tpm"]!.GetValue<long>());
        Assert.Equal(0.0000015, parameters["input_cost_per_token"]!.GetValue<double>());
        Assert.Equal(0.000006, parameters["output_cost_per_token"]!.GetValue<double>());
        page.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/v1/model/info").Count));
        Assert.DoesNotContain("sk-new-upstream", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_RequiredFieldsMissing_SendsNothing()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        ModelsPage.AnswerReads(context);
        var (page, dialogs) = ModelsPage.Render(context);

        page.Find("[data-testid=add-model]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=model-submit]"));
        dialogs.Find("[data-testid=model-submit]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("A model name is required.", dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(context.Proxy.To("/model/new"));
    }

    [Fact]
    public async Task Add_ProxyRefuses_ShowsItsMessage()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        ModelsPage.AnswerReads(context);
        context.Proxy.On("POST", "/model/new", """{"error":{"message":"litellm_params.model is required (e.g. openai/gpt-4o).","type":"bad_request_error","param":"litellm_params.model","code":"400"}}""", 400);
        var (page, dialogs) = ModelsPage.Render(context);

        page.Find("[data-testid=add-model]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid=model-name]"));
        dialogs.Find("input[data-testid=model-name]").Change("x");
        dialogs.Find("input[data-testid=model-provider-model]").Change("openai/x");
        dialogs.Find("[data-testid=model-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("litellm_params.model is required", page.Find("[data-testid=action-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Edit_SendsOnlyTheFormsValuesToPatch_AndAnEmptyKeyKeepsTheStoredOne()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        ModelsPage.AnswerReads(context);
        context.Proxy.On("PATCH", $"/model/{StoredId}/update", StoredModel);
        var (page, dialogs) = ModelsPage.Render(context);

        ModelsPage.Row(page, StoredId).QuerySelector("[data-testid=edit-model]")!.Click();
        dialogs.WaitForAssertion(() => Assert.Equal("db-gpt", dialogs.Find("input[data-testid=model-name]").GetAttribute("value")));
        Assert.Equal("openai/fake-db", dialogs.Find("input[data-testid=model-provider-model]").GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(dialogs.Find("input[data-testid=model-api-key]").GetAttribute("value")));
        dialogs.Find("input[data-testid=model-rpm]").Change("90");
        dialogs.Find("[data-testid=model-submit]").Click();

        page.WaitForAssertion(() => Assert.Single(context.Proxy.To($"/model/{StoredId}/update")));
        var request = context.Proxy.To($"/model/{StoredId}/update")[0];
        Assert.Equal("PATCH", request.Method);
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal("db-gpt", body["model_name"]!.GetValue<string>());
        Assert.Equal(90, body["litellm_params"]!["rpm"]!.GetValue<long>());
        Assert.Equal(10000, body["litellm_params"]!["tpm"]!.GetValue<long>());
        Assert.Null(body["litellm_params"]!["api_key"]);
        Assert.Equal(AdminTestContext.OperatorKey, request.BearerKey);
    }

    [Fact]
    public async Task Delete_AsksFirst_CancelSendsNothing_ConfirmSendsTheId()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        ModelsPage.AnswerReads(context);
        context.Proxy.On("POST", "/model/delete", $$"""{"message":"Model: {{StoredId}} deleted successfully"}""");
        var (page, dialogs) = ModelsPage.Render(context);

        ModelsPage.Row(page, StoredId).QuerySelector("[data-testid=delete-model]")!.Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete the deployment openai/fake-db", dialogs.Markup, StringComparison.Ordinal));
        Button(dialogs, "Cancel").Click();
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Delete the deployment", dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(context.Proxy.To("/model/delete"));

        ModelsPage.Row(page, StoredId).QuerySelector("[data-testid=delete-model]")!.Click();
        dialogs.WaitForAssertion(() => Button(dialogs, "Delete"));
        Button(dialogs, "Delete").Click();

        page.WaitForAssertion(() => Assert.Single(context.Proxy.To("/model/delete")));
        Assert.Equal(StoredId, JsonNode.Parse(context.Proxy.To("/model/delete")[0].Body!)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Test_CallsHealthForThatDeployment_AndShowsTheLatency_OrTheError()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        ModelsPage.AnswerReads(context);
        context.Proxy.On("GET", "/health", request => request.QueryValue("model_id") == StoredId
            ? (200, HealthyCheck)
            : (200, $$"""{"healthy_endpoints":[],"unhealthy_endpoints":[{"model":"openai/fake","api_base":"http://127.0.0.1:4099/v1","error":"error:litellm.AuthenticationError: OpenAIException - invalid api key","model_id":"{{ConfigId}}"}],"healthy_count":0,"unhealthy_count":1}"""));
        var (page, _) = ModelsPage.Render(context);

        ModelsPage.Row(page, StoredId).QuerySelector("[data-testid=test-model]")!.Click();
        ModelsPage.Row(page, ConfigId).QuerySelector("[data-testid=test-model]")!.Click();

        page.WaitForAssertion(() => Assert.StartsWith("Test passed: answered in", ModelsPage.Row(page, StoredId).QuerySelector("[data-testid=model-test-result]")!.TextContent.Trim(), StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Contains("invalid api key", ModelsPage.Row(page, ConfigId).QuerySelector("[data-testid=model-test-result]")!.TextContent, StringComparison.Ordinal));
        Assert.Equal([StoredId, ConfigId], context.Proxy.To("/health").Select(r => r.QueryValue("model_id")).Order().Reverse());
        Assert.True(context.Proxy.To("/health/latest").Count >= 2, "the health column is read again after a test");
    }

    [Fact]
    public async Task Viewer_HandlersAreRefused_WithoutReachingTheProxy()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdminViewer);
        ModelsPage.AnswerReads(context);
        var (page, _) = ModelsPage.Render(context);
        var stored = new DeploymentRow(StoredId, "db-gpt", "openai/fake-db", "openai", null, null, null, null, null, IsStored: true);

        await page.InvokeAsync(() => page.Instance.DeleteAsync(stored));
        Assert.Contains("cannot delete models", page.Find("[data-testid=action-error]").TextContent, StringComparison.Ordinal);
        await page.InvokeAsync(() => page.Instance.AddAsync());
        await page.InvokeAsync(() => page.Instance.EditAsync(stored));
        await page.InvokeAsync(() => page.Instance.TestAsync(stored));

        Assert.Contains("cannot test models", page.Find("[data-testid=action-error]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(context.Proxy.Requests, r => r.Method != "GET" || r.Path == "/health");
    }

    [Fact]
    public async Task ConfigModel_CannotBeDeletedEvenByCallingTheHandler()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        ModelsPage.AnswerReads(context);
        var (page, _) = ModelsPage.Render(context);
        var config = new DeploymentRow(ConfigId, "fake-gpt", "openai/fake", "openai", null, null, null, null, null, IsStored: false);

        await page.InvokeAsync(() => page.Instance.DeleteAsync(config));

        Assert.Contains("comes from config.yaml and is read-only", page.Find("[data-testid=action-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(context.Proxy.To("/model/delete"));
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<MudBlazor.MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll("button").First(b => b.TextContent.Trim() == text);
}
